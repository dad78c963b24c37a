/** The one error type of Pennant: a stable code, a message people can act on. */
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
