import { BarChart3, Link2, Megaphone, QrCode, Settings, UserRound, type LucideIcon } from "lucide-react";

export const NAV_ITEMS: { segment: string; label: string; icon: LucideIcon }[] = [
  { segment: "links", label: "Links", icon: Link2 },
  { segment: "campaigns", label: "Campaigns", icon: Megaphone },
  { segment: "qr", label: "QR codes", icon: QrCode },
  { segment: "bio", label: "Bio pages", icon: UserRound },
  { segment: "analytics", label: "Analytics", icon: BarChart3 },
  { segment: "settings", label: "Settings", icon: Settings },
];
