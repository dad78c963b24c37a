/**
 * The one error type of Pennant: a stable code, a message people can act on.
 *
 * Two codes answer 422, and they mean different things:
 * - `validation_failed`: the input does not have the right shape. A field is
 *   missing, unknown, of the wrong type, too long, badly formatted, or two
 *   fields of the same request contradict each other. Zod's errors become this
 *   (lib/to-app-error.ts), with `details.fields` naming each field at fault.
 *   Fixing it needs nothing but a different input.
 * - `unprocessable`: the input is well formed, but cannot be carried out
 *   against what exists: it names something that is not in this workspace (a
 *   campaign, channel, domain or logo), a file's content is not acceptable, or
 *   it breaks a rule of the product (a link to itself, a QR code that would not
 *   scan, email not configured). Fixing it may need a change elsewhere first.
 * A record that is missing is `not_found` (404), a duplicate `conflict` (409), a
 * body over its size limit `payload_too_large` (413).
 */
export const ERROR_CODES = ["bad_request", "validation_failed", "unauthorized", "forbidden", "not_found", "conflict", "payload_too_large", "unsupported_media_type", "unprocessable", "rate_limited", "internal"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Seconds to wait, for rate_limited. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (message = "Your role in this workspace does not allow this.") => new AppError("forbidden", message);
