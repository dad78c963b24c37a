import { ZodError } from "zod";
import { isInvalidQueryValue, isMissingRow, isUniqueViolation } from "./db/errors";
import { AppError } from "./errors";


/** Turns anything thrown into an AppError; unknown errors become "internal". */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of err.issues) {
      const key = issue.path.join(".") || "_";
      fields[key] ??= issue.message;
    }
    const first = err.issues[0];
    const where = first && first.path.length ? `${first.path.join(".")}: ` : "";
    return new AppError("validation_failed", `${where}${first?.message ?? "Invalid input"}`, { fields });
  }
  if (isUniqueViolation(err)) return new AppError("conflict", "That already exists.");
  if (isMissingRow(err)) return new AppError("not_found", "Not found");
  if (isInvalidQueryValue(err)) return new AppError("bad_request", "A value sent has the wrong type (an id or a field that should be text).");
  return new AppError("internal", "Something went wrong on our side. Please try again.");
}
