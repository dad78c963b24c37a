import "server-only";
import { CHANNEL_KIND_LABELS, type ChannelKind } from "@/lib/channels/schemas";
import { db } from "@/lib/db/client";
import { platformName } from "./platforms";
import type { Dimension } from "./schemas";

const TRIGGERS: Record<string, string> = { link: "Link", qr: "QR code", bio: "Bio page" };
const regions = new Intl.DisplayNames(["en"], { type: "region" });

/** What a row with no value means, per dimension. */
export function noneLabel(d: Dimension): string {
  if (d === "referrer") return "Direct, or no referrer";
  if (d === "social" || d === "platformType") return "No social platform";
  if (d === "campaign") return "No campaign";
  if (d === "channel") return "No channel";
  if (d.startsWith("utm_")) return "Not set";
  return "Unknown";
}

/** People's names for a breakdown's keys (a link's short address, a campaign's name, a country's name). */
export async function labelKeys(workspaceId: string, d: Dimension, keys: (string | null)[]): Promise<Map<string | null, string>> {
  const ids = keys.filter((k): k is string => k !== null);
  const out = new Map<string | null, string>([[null, noneLabel(d)]]);
  let named: { id: string; name: string }[] = [];
  if (d === "link") named = (await db().link.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, domain: true, slug: true } })).map((l) => ({ id: l.id, name: `${l.domain}/${l.slug}` }));
  if (d === "campaign") named = await db().campaign.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, name: true } });
  if (d === "tag") named = await db().tag.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, name: true } });
  if (d === "channel") named = await db().channel.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, name: true } });
  for (const n of named) out.set(n.id, n.name);
  for (const k of ids) {
    if (out.has(k)) continue;
    if (d === "social") out.set(k, platformName(k));
    else if (d === "platformType") out.set(k, CHANNEL_KIND_LABELS[k as ChannelKind] ?? k);
    else if (d === "trigger") out.set(k, TRIGGERS[k] ?? k);
    else if (d === "country") out.set(k, safeRegion(k));
    else if (d === "link") out.set(k, "Deleted link");
    else out.set(k, k);
  }
  return out;
}

function safeRegion(code: string): string {
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}
