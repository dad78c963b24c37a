// Test-only preload (`node --import`): Date.now() answers the instant written
// in FAKE_CLOCK_FILE (milliseconds), so a test can send real HTTP requests
// "at" 23:59 or across a daylight-saving change. Empty or missing: real time.
import { readFileSync } from "node:fs";

const file = process.env.FAKE_CLOCK_FILE;
if (file) {
  const realNow = Date.now.bind(Date);
  Date.now = () => {
    try {
      const t = Number(readFileSync(file, "utf8"));
      return t > 0 ? t : realNow();
    } catch {
      return realNow();
    }
  };
}
