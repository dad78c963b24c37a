import { fetchFavicon } from "@/lib/favicons/fetch-favicon";
import { withWorkspace } from "@/lib/http/with-workspace";

// A neutral globe, for hosts without a usable favicon (or not public).
const NEUTRAL = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#71717a" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><circle cx="12" cy="12" r="10"/><path d="M2 12h20"/><path d="M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z"/></svg>`;

/** GET ?host=example.com: the destination's favicon, fetched and cached by Pennant; a neutral icon otherwise. */
export const GET = withWorkspace("links.read", async ({ req }) => {
  const icon = await fetchFavicon(req.nextUrl.searchParams.get("host") ?? "");
  const headers = { "Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox" };
  // An SVG favicon could carry script: it is shown only through <img>, and served sandboxed.
  if (!icon) return new Response(NEUTRAL, { headers: { ...headers, "Content-Type": "image/svg+xml", "X-Favicon": "neutral" } });
  return new Response(new Uint8Array(icon.body), { headers: { ...headers, "Content-Type": icon.type, "X-Favicon": "found" } });
});
