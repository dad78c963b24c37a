// Types only: what a server action answers its form with. Client components
// import this module; the code that builds these values is server-only
// (lib/auth/guards.ts).

/** The error a form shows: a message, and one per field where a field is at fault. */
export interface ActionError {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

/** What a server action answers to its form: data, or an error to show. */
export type ActionResult<T = void> = { ok: true; data: T; message?: string } | { ok: false; error: ActionError };
