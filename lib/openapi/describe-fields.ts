import type { z } from "zod";

/**
 * The same object schema with a description on some fields (`.describe()`
 * clones, so the schema the API parses with is untouched); the document shows
 * the words, validation stays one and the same. `safeExtend` keeps the
 * schema's refinements (campaign dates) where `.extend` would refuse them.
 */
export function describeFields<S extends z.ZodObject>(schema: S, docs: Partial<Record<keyof S["shape"], string>>): S {
  const described = Object.fromEntries(
    Object.entries(docs).flatMap(([key, text]) => {
      const field = schema.shape[key] as z.ZodType | undefined;
      return field && text ? [[key, field.describe(text)]] : [];
    }),
  );
  return schema.safeExtend(described) as unknown as S;
}
