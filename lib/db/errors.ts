/**
 * The one place that reads Prisma's error codes. They are stable on both
 * providers ("P2002"); the message text is not, so it is never matched.
 */
export function prismaErrorCode(err: unknown): string | undefined {
  if (typeof err === "object" && err !== null && "code" in err && typeof err.code === "string" && /^P\d{4}$/.test(err.code)) {
    return err.code;
  }
  return undefined;
}

/** A unique constraint refused the write (P2002), on either provider. */
export function isUniqueViolation(err: unknown): boolean {
  return prismaErrorCode(err) === "P2002";
}

/**
 * Prisma refused a query before running it: a value of the wrong type (an
 * object where an id goes). Only a hand-made request gets there: bad input.
 */
export function isInvalidQueryValue(err: unknown): boolean {
  return err instanceof Error && err.name === "PrismaClientValidationError";
}

/** The row to update or delete was not there (P2025). */
export function isMissingRow(err: unknown): boolean {
  return prismaErrorCode(err) === "P2025";
}
