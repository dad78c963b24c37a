import { ZodError } from "zod";
import { AppError } from "./errors";

/** Prisma errors carry a stable code; match on it, never on the message. */
function prismaCode(err: unknown): string | undefined {
  if (typeof err === "object" && err !== null && "code" in err && typeof err.code === "string" && /^P\d{4}$/.test(err.code)) {
    return err.code;
  }
  return undefined;
}

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
  const code = prismaCode(err);
  if (code === "P2002") return new AppError("conflict", "That already exists.");
  if (code === "P2025") return new AppError("not_found", "Not found");
  return new AppError("internal", "Something went wrong on our side. Please try again.");
}
