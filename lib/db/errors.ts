/** A unique constraint refused the write (Prisma code P2002), on either provider. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && err.code === "P2002";
}
