/** The reader's locale from Accept-Language (first entry that Intl knows), for formatting numbers and dates on the server. */
export function requestLocale(h: Headers): string {
  for (const part of (h.get("accept-language") ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim();
    if (!tag || tag === "*") continue;
    try {
      return Intl.NumberFormat.supportedLocalesOf([tag])[0] ?? "en-US";
    } catch {
      continue;
    }
  }
  return "en-US";
}
