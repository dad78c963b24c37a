import type { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * API bodies are refused when they carry a field the endpoint does not know:
 * zod would drop it silently, and a typo ("expireAt") would then create a
 * link without its expiry and say nothing.
 */

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

export interface UnknownField {
  /** Where, as zod names paths: `utm.utm_sorce`, `links.2.expireAt`. */
  path: string;
  key: string;
  known: string[];
}

/** Fields of `value` that `schema` does not name, through nested objects and arrays. */
export function unknownFields(schema: z.ZodType, value: unknown, path = ""): UnknownField[] {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) && def.innerType) return unknownFields(def.innerType, value, path);
  if (def.type === "pipe" && def.in) return unknownFields(def.in, value, path);
  if (def.type === "array" && def.element && Array.isArray(value)) {
    return value.flatMap((item, i) => unknownFields(def.element!, item, `${path ? `${path}.` : ""}${i}`));
  }
  if (def.type !== "object" || !def.shape || !value || typeof value !== "object" || Array.isArray(value)) return [];
  // An object that takes any extra key (catchall, loose) has no unknown fields.
  if (def.catchall && defOf(def.catchall).type !== "never") return [];
  const shape = def.shape;
  return Object.entries(value).flatMap(([key, v]) => {
    const at = path ? `${path}.${key}` : key;
    return Object.hasOwn(shape, key) ? unknownFields(shape[key]!, v, at) : [{ path: at, key, known: Object.keys(shape) }];
  });
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function closest(key: string, known: string[]): string | null {
  const lower = key.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : null;
}

/**
 * Throws validation_failed (422) naming every unknown field, with a likely
 * intended name where there is one. `fixed` explains top-level fields that
 * exist but cannot be sent here (a channel's key after creation).
 */
export function refuseUnknownFields(schema: z.ZodType, value: unknown, fixed: Record<string, string> = {}): void {
  const unknown = unknownFields(schema, value);
  if (!unknown.length) return;
  // No prototype: a body's "__proto__" key is a plain field name here, never a setter.
  const fields = Object.create(null) as Record<string, string>;
  for (const u of unknown) {
    const guess = closest(u.key, u.known);
    fields[u.path] = Object.hasOwn(fixed, u.path)
      ? fixed[u.path]!
      : guess
        ? `Unknown field. Did you mean "${guess}"?`
        : `Unknown field. Known here: ${u.known.join(", ")}.`;
  }
  const [first] = unknown;
  const message =
    unknown.length > 1
      ? `Unknown fields: ${unknown.map((u) => `"${u.path}"`).join(", ")}. See details.fields.`
      : Object.hasOwn(fixed, first!.path)
        ? fields[first!.path]!
        : `Unknown field "${first!.path}". ${fields[first!.path]!.replace("Unknown field. ", "")}`;
  throw new AppError("validation_failed", message, { fields });
}
