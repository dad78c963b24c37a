import type { JsonSchema } from "./build-document";

/** Reads JSON Schema (as zod writes it) into the words the API reference shows. */

function resolve(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref === "string") return components[ref.split("/").at(-1) ?? ""] ?? {};
  return schema;
}

/** "string", "integer | null", "array of string", "301 | 302", "object"… */
export function typeLabel(raw: JsonSchema, components: Record<string, JsonSchema> = {}): string {
  const schema = resolve(raw, components);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(union)) return [...new Set(union.map((s) => typeLabel(s, components)))].join(" | ");
  const type = schema.type;
  if (Array.isArray(type)) return type.join(" | ");
  if (type === "array") return `array of ${typeLabel((schema.items as JsonSchema) ?? {}, components)}`;
  if (type === "object" && !schema.properties && schema.additionalProperties && typeof schema.additionalProperties === "object") {
    return `map of ${typeLabel(schema.additionalProperties as JsonSchema, components)}`;
  }
  if (type === "string" && schema.format === "date-time") return "string (ISO 8601 date-time)";
  return typeof type === "string" ? type : "any";
}

/** Length, range and default, as short notes ("1–64 characters", "default 25"). */
export function constraints(raw: JsonSchema): string[] {
  const variants = [raw, ...(((raw.anyOf ?? raw.oneOf) as JsonSchema[] | undefined) ?? [])];
  const notes: string[] = [];
  for (const s of variants) {
    if (typeof s.minLength === "number" && typeof s.maxLength === "number") notes.push(`${s.minLength}–${s.maxLength} characters`);
    else if (typeof s.maxLength === "number") notes.push(`at most ${s.maxLength} characters`);
    if (typeof s.maxItems === "number") notes.push(`at most ${s.maxItems} items`);
    if (typeof s.minimum === "number" && typeof s.maximum === "number" && s.maximum < 1e15) notes.push(`${s.minimum}–${s.maximum}`);
    else if (typeof s.exclusiveMinimum === "number") notes.push(`above ${s.exclusiveMinimum}`);
  }
  if (raw.default !== undefined) notes.push(`default ${JSON.stringify(raw.default)}`);
  return [...new Set(notes)];
}

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  notes: string[];
  description?: string;
}

/** The fields of an object schema, nested objects flattened as `utm.source`. */
export function fieldsOf(raw: JsonSchema, components: Record<string, JsonSchema> = {}, prefix = ""): FieldRow[] {
  const schema = resolve(raw, components);
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows: FieldRow[] = [];
  for (const [name, prop] of Object.entries(props)) {
    const path = `${prefix}${name}`;
    const objectVariant = [prop, ...(((prop.anyOf as JsonSchema[] | undefined) ?? []))].find((s) => s.type === "object" && s.properties);
    rows.push({
      name: path,
      type: objectVariant ? (typeLabel(prop, components).includes("null") ? "object | null" : "object") : typeLabel(prop, components),
      required: required.has(name),
      notes: constraints(prop),
      ...(typeof prop.description === "string" ? { description: prop.description } : {}),
    });
    if (objectVariant) rows.push(...fieldsOf(objectVariant, components, `${path}.`));
  }
  return rows;
}
