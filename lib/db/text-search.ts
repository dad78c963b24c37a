import "server-only";
import { db } from "./client";

/**
 * A case-insensitive `contains` filter on both providers: SQLite's LIKE already
 * ignores ASCII case; PostgreSQL needs mode "insensitive" (which the SQLite
 * client's types do not know, hence the cast).
 */
export function containsText(value: string): { contains: string } {
  return db().provider === "postgres" ? ({ contains: value, mode: "insensitive" } as { contains: string }) : { contains: value };
}
