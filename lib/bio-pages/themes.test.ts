import { describe, expect, it } from "vitest";
import { contrastRatio, presetTheme, themeContrastErrors, themeSchema, THEME_PRESETS } from "./themes";

describe("themes", () => {
  it("ships at least eight presets, light and dark, each meeting WCAG AA", () => {
    const names = Object.keys(THEME_PRESETS);
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(new Set(Object.values(THEME_PRESETS).map((p) => p.dark))).toEqual(new Set([true, false]));
    for (const name of names) expect(themeContrastErrors(presetTheme(name)), name).toEqual({});
  });

  it("computes WCAG contrast and names the failing field", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 1);
    const pale = { ...presetTheme("paper"), text: "#cccccc", buttonText: "#222222" };
    expect(Object.keys(themeContrastErrors(pale)).sort()).toEqual(["theme.buttonText", "theme.text"]);
  });

  it("lets nothing but hex colours, numbers and listed names reach the CSS", () => {
    const base = presetTheme("paper");
    for (const bad of [{ text: "red;}body{display:none" }, { text: "#fff</style>" }, { font: "Comic Sans" }, { radius: "1px;x" }, { background: { kind: "color", color: "url(javascript:1)" } }]) {
      expect(themeSchema.safeParse({ ...base, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
