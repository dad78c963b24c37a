import { z } from "zod";

// C0 and C1 control characters, except tab, line feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// With the u flag a surrogate pair is one code point: this matches only lone halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Text a visit brings (a UTM value, a referrer), made storable: control
 * characters dropped, a character cut in half (by a length limit) replaced.
 * A visit is never refused for its text, and PostgreSQL refuses a NUL.
 */
export function storableText(value: string): string {
  // One pass over the usual text, which has neither (a visit pays for this).
  if (!UNSTORABLE.test(value)) return value;
  return value.replace(/[\u0000-\u001F\u007F-\u009F]/g, "").replace(/[\uD800-\uDFFF]/gu, "\uFFFD");
}
const UNSTORABLE = /[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDFFF]/u;

export const TEXT_RULES = {
  control: "Remove control characters (such as NUL) from the text.",
  surrogate: "The text holds a broken character (a lone UTF-16 surrogate). Retype or paste it again.",
} as const;

/** Why a text cannot be stored as it is, or null when it can. */
export function textProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return TEXT_RULES.surrogate;
  if (CONTROL.test(value)) return TEXT_RULES.control;
  return null;
}

/**
 * The one text rule, for every schema: a string in NFC, with no control
 * characters (tab and line breaks allowed) and no lone surrogates. It stays a
 * ZodString, so `.trim()`, `.max()` and friends chain after it.
 */
export function cleanString(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .refine((v) => !LONE_SURROGATE.test(v), TEXT_RULES.surrogate)
    .refine((v) => !CONTROL.test(v), TEXT_RULES.control)
    .overwrite((v) => v.normalize("NFC"));
}

/** No Pennant body nests more than a few levels; far deeper is an attack on the stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * The same rule over a whole parsed JSON body, at the boundary: every string
 * (keys too) checked and put in NFC. Returns the cleaned copy, or the first
 * problem with its path. Objects come back without a prototype-changing
 * `__proto__` key: that key is reported as a problem instead.
 */
export function cleanJson(value: unknown, path: (string | number)[] = []): { value: unknown } | { path: string; problem: string } {
  if (path.length > MAX_JSON_DEPTH) return { path: path.slice(0, 3).join(".") + ".…", problem: `Nest at most ${MAX_JSON_DEPTH} levels deep.` };
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? { path: path.join("."), problem } : { value: value.normalize("NFC") };
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const r = cleanJson(value[i], [...path, i]);
      if (!("value" in r)) return r;
      out.push(r.value);
    }
    return { value: out };
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const at = [...path, key];
      if (key === "__proto__") return { path: at.join("."), problem: `Unknown field "__proto__".` };
      const keyProblem = textProblem(key);
      if (keyProblem) return { path: at.join("."), problem: keyProblem };
      const r = cleanJson(v, at);
      if (!("value" in r)) return r;
      out[key.normalize("NFC")] = r.value;
    }
    return { value: out };
  }
  return { value };
}
