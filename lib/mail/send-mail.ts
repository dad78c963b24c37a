import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The link the mail is about; shown in the development outbox. */
  url?: string;
}

let transport: Transporter | undefined;

/**
 * Sends through SMTP_URL when set. Without it (development) the mail goes to
 * the local outbox (/dev/outbox) and the server log, so every flow still works.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const e = env();
  if (e.SMTP_URL) {
    transport ??= createTransport(e.SMTP_URL);
    await transport.sendMail({ from: e.EMAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    return;
  }
  if (!e.outboxEnabled) {
    throw new AppError("unprocessable", "Email is not configured on this server (set SMTP_URL).");
  }
  await db().outboxEmail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, url: mail.url ?? null } });
  console.log(`[pennant] outbox: mail to ${mail.to}: ${mail.subject}${mail.url ? `\n  ${mail.url}` : ""}`);
}

/** Whether this server can deliver mail at all: SMTP, or the development outbox. */
export function canSendMail(): boolean {
  const e = env();
  return Boolean(e.SMTP_URL) || e.outboxEnabled;
}

export async function listOutbox(limit = 50) {
  if (!env().outboxEnabled) return null;
  return db().outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
