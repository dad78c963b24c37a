import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { consume, LIMITS } from "@/lib/rate-limit/limiter";
import { requestIpOf } from "@/lib/net/request-ip";

/**
 * Counts password sign-ins per address, per address and email (the limit that
 * stops guessing) and, softly, per email; magic-link requests per email.
 * Over the limit it answers 429 in the shape next-auth's client reads
 * (`{ url }` with `?error=RateLimited`), so the form can say why.
 */
export async function limitSignInAttempt(req: Request): Promise<Response | null> {
  const path = new URL(req.url).pathname;
  const kind = path.endsWith("/callback/credentials") ? "password" : path.endsWith("/signin/email") ? "email" : null;
  if (!kind) return null;
  const form = await req.clone().formData().catch(() => null);
  const email = String(form?.get("email") ?? "").trim().toLowerCase();
  try {
    const ip = requestIpOf(req);
    await consume(LIMITS.signInPerIp, ip);
    if (email && kind === "password") {
      await consume(LIMITS.signInPerIpAndEmail, `${ip}|${email}`);
      await consume(LIMITS.signInPerEmail, email);
    } else if (email) await consume(LIMITS.magicLinkPerEmail, email);
    return null;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "rate_limited") throw err;
    const url = new URL("/signin", env().APP_URL);
    url.searchParams.set("error", "RateLimited");
    return Response.json(
      { url: url.toString(), error: { code: err.code, message: err.message } },
      { status: 429, headers: { "Retry-After": String(err.retryAfter ?? 60) } },
    );
  }
}
