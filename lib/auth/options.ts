import "server-only";
import { requestIp } from "@/lib/net/request-ip";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env } from "@/lib/env";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { LIMITS, reset } from "@/lib/rate-limit/limiter";
import { sendMagicLink } from "./send-magic-link";
import { pennantAdapter } from "./adapter";
import { safeCallbackUrl } from "./callback-url";
import { signedInAtMs, signInClaims, type SignInClaims } from "./session-time";

export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

/** Which sign-in methods this server offers (OAuth only with its env vars). */
export function signInMethods() {
  const e = env();
  return {
    email: Boolean(e.SMTP_URL) || e.outboxEnabled,
    github: Boolean(e.GITHUB_CLIENT_ID),
    google: Boolean(e.GOOGLE_CLIENT_ID),
    outbox: e.outboxEnabled,
  };
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  process.env.NEXTAUTH_URL ??= e.APP_URL;
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const user = await verifyCredentials(credentials);
        if (user) {
          const ip = await requestIp().catch(() => "unknown");
          await Promise.all([reset(LIMITS.signInPerEmail, user.email), reset(LIMITS.signInPerIpAndEmail, `${ip}|${user.email.toLowerCase()}`)]);
        }
        return user;
      },
    }),
  ];
  if (signInMethods().email) {
    providers.push(
      EmailProvider({
        server: e.SMTP_URL ?? "smtp://localhost",
        from: e.EMAIL_FROM,
        maxAge: 15 * 60,
        sendVerificationRequest: ({ identifier, url }) => sendMagicLink(identifier, url),
      }),
    );
  }
  if (e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET) {
    providers.push(GitHubProvider({ clientId: e.GITHUB_CLIENT_ID, clientSecret: e.GITHUB_CLIENT_SECRET }));
  }
  if (e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET }));
  }
  cached = {
    secret: e.authSecret,
    adapter: pennantAdapter(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    providers,
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    callbacks: {
      redirect: ({ url }) => safeCallbackUrl(url, e.APP_URL, { absolute: true }),
      // When the person signed in, kept as the session is renewed: "sign out of
      // all sessions" ends those signed in before it (lib/auth/session.ts).
      jwt: ({ token, user }) => {
        if (user) Object.assign(token, signInClaims());
        return token;
      },
      session: ({ session, token }) => {
        if (session.user && token.sub) Object.assign(session.user, { id: token.sub, signedInAtMs: signedInAtMs(token as SignInClaims) });
        return session;
      },
    },
  };
  return cached;
}
