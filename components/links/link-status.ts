import type { LinkOutput } from "@/lib/links/schemas";

export type LinkStatus = "active" | "expired" | "disabled" | "archived";

/** The same precedence as the status filter of lib/links/list-links.ts. */
export function linkStatus(link: Pick<LinkOutput, "archived" | "disabled" | "expiresAt" | "maxClicks" | "clicks">, now = new Date()): LinkStatus {
  if (link.archived) return "archived";
  if (link.disabled) return "disabled";
  if (link.expiresAt && new Date(link.expiresAt) <= now) return "expired";
  if (link.maxClicks != null && link.clicks >= link.maxClicks) return "expired";
  return "active";
}

const STYLES: Record<LinkStatus, string> = {
  active: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  expired: "bg-amber-50 text-amber-800 ring-amber-200",
  disabled: "bg-zinc-100 text-zinc-700 ring-zinc-200",
  archived: "bg-zinc-100 text-zinc-500 ring-zinc-200",
};

export function statusClass(status: LinkStatus): string {
  return `inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium capitalize ring-1 ring-inset ${STYLES[status]}`;
}
