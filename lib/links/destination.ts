import { z } from "zod";
import { parseDestination, UTM_KEYS, withUtm } from "./url";

export { parseDestination, UTM_KEYS, withUtm };

/** A zod schema for any destination-like field (url, expiredUrl, ios, android, geo targets). */
export const destinationSchema = z.string({ error: "Enter the destination URL." }).transform((raw, ctx) => {
  const parsed = parseDestination(raw);
  if (!(parsed instanceof URL)) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  return parsed.href;
});
