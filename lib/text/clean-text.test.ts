import { describe, expect, it } from "vitest";
import { cleanJson, cleanString, storableText, TEXT_RULES, textProblem } from "./clean-text";

describe("the one text rule", () => {
  it("refuses NUL and other control characters, allows tabs and line breaks", () => {
    for (const bad of ["a\u0000b", "\u0007", "x\u001Fy", "\u007F", "\u0085"]) expect(textProblem(bad), JSON.stringify(bad)).toBe(TEXT_RULES.control);
    expect(textProblem("line one\nline two\r\n\tindented")).toBeNull();
  });

  it("refuses lone surrogates but keeps real astral characters (emoji)", () => {
    expect(textProblem("\uD83D")).toBe(TEXT_RULES.surrogate);
    expect(textProblem("a\uDC00b")).toBe(TEXT_RULES.surrogate);
    expect(textProblem("launch 🚀 party")).toBeNull();
  });

  it("stores text in NFC, and still chains zod's own checks", () => {
    const schema = cleanString().trim().max(5, "too long");
    expect(schema.parse(" Cafe\u0301 ")).toBe("Café");
    expect(schema.parse("Cafe\u0301").length).toBe(4);
    expect(schema.safeParse("a\u0000").error?.issues[0]?.message).toBe(TEXT_RULES.control);
    expect(schema.safeParse("toolong").success).toBe(false);
  });

  it("checks a whole JSON body: values, keys and nested items, and refuses __proto__", () => {
    expect(cleanJson({ a: ["Cafe\u0301", { b: 1 }], c: null })).toEqual({ value: { a: ["Café", { b: 1 }], c: null } });
    expect(cleanJson({ links: [{ title: "ok" }, { title: "x\u0000" }] })).toEqual({ path: "links.1.title", problem: TEXT_RULES.control });
    expect(cleanJson({ ["k\uD800"]: 1 })).toEqual({ path: "k\uD800", problem: TEXT_RULES.surrogate });
    expect(cleanJson(JSON.parse('{"__proto__": {"admin": true}}'))).toEqual({ path: "__proto__", problem: 'Unknown field "__proto__".' });
    const deep = JSON.parse("[".repeat(100_000) + "]".repeat(100_000)) as unknown;
    expect(cleanJson(deep)).toMatchObject({ problem: "Nest at most 32 levels deep." });
  });
});

describe("a visit's text, made storable", () => {
  it("drops control characters and replaces half a character, keeping whole emoji", () => {
    expect(storableText("a\u0000b\u0007c\td\u0085")).toBe("abcd");
    expect(storableText("cut \uD83D")).toBe("cut \uFFFD");
    expect(storableText("whole 😀 ü")).toBe("whole 😀 ü");
  });
});
