// `npm run screenshots`: saves PNGs of every page at desktop and phone width
// into screenshots/, for looking at. Not a test suite.
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

export default defineConfig({ ...base, testDir: "scripts/screenshots", testMatch: "**/*.shots.ts", reporter: [["list"]] });
