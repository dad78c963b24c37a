/** The dashboard's whole state lives in its URL: these build the next one. */
export type ViewParams = Record<string, string | string[] | undefined>;

export function toSearch(params: ViewParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of v === undefined ? [] : Array.isArray(v) ? v : [v]) out.append(k, x);
  return out;
}

/** The URL with `name=value` added as a filter (once). */
export function withFilter(base: string, params: ViewParams, name: string, value: string): string {
  const s = toSearch(params);
  if (!s.getAll(name).includes(value)) s.append(name, value);
  return `${base}?${s}`;
}

/** The URL without one value of a filter. */
export function withoutFilter(base: string, params: ViewParams, name: string, value: string): string {
  const s = toSearch(params);
  const rest = s.getAll(name).filter((v) => v !== value);
  s.delete(name);
  for (const v of rest) s.append(name, v);
  const q = s.toString();
  return q ? `${base}?${q}` : base;
}

/** The URL with settings replaced (undefined removes them). */
export function withSettings(base: string, params: ViewParams, changes: Record<string, string | undefined>): string {
  const s = toSearch(params);
  for (const [k, v] of Object.entries(changes)) {
    s.delete(k);
    if (v !== undefined && v !== "") s.set(k, v);
  }
  const q = s.toString();
  return q ? `${base}?${q}` : base;
}
