// Test data made through Pennant's own lib/ functions, so tests exercise them.
import { randomBytes } from "node:crypto";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { authorizeWorkspace } from "@/lib/auth/access";
import type { Permission } from "@/lib/auth/permissions";
import { createUser } from "@/lib/users/create-user";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

export async function makeUser(prefix = "user") {
  return createUser({ email: uniqueEmail(prefix), password: "correct horse battery", name: prefix });
}

export function asUser(user: { id: string; email: string; name: string | null }) {
  return { kind: "user" as const, user };
}

export function accessFor(user: { id: string; email: string; name: string | null }, slug: string, permission: Permission = "workspace.read"): Promise<WorkspaceAccess> {
  return authorizeWorkspace(asUser(user), slug, permission);
}

/** The AppError a rejected call turns into at the boundary (what the user would see). */
export async function failureOf(promise: Promise<unknown>) {
  // Settle first: awaiting the import before the promise left a fast rejection unhandled for a tick.
  const outcome = await promise.then(
    () => ({ failed: false as const }),
    (err: unknown) => ({ failed: true as const, err }),
  );
  if (!outcome.failed) throw new Error("expected the call to fail, but it succeeded");
  const { toAppError } = await import("@/lib/to-app-error");
  return toAppError(outcome.err);
}
