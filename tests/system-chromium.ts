import { existsSync } from "node:fs";

/**
 * The Chromium that tests and scripts drive: PLAYWRIGHT_CHROMIUM_PATH when set;
 * otherwise Debian's. A headless run takes Debian's headless shell when it is
 * installed (apt-get install chromium-headless-shell): the same engine without
 * the full browser's window and GPU processes, about a third less CPU per spec,
 * as Playwright's own headless default. Headed runs, and machines without the
 * shell, take the full browser. Undefined: none here (Playwright's own then).
 */
export function systemChromium(headless = true): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  const candidates = [...(headless ? ["/usr/bin/chromium-headless-shell"] : []), "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p) => existsSync(p));
}
