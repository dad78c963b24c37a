import "server-only";
import { sendMail } from "@/lib/mail/send-mail";

export async function sendMagicLink(email: string, url: string): Promise<void> {
  await sendMail({
    to: email,
    subject: "Your Pennant sign-in link",
    url,
    text: `Sign in to Pennant by opening this link (valid for 15 minutes, once):\n\n${url}\n\nIf you did not ask for it, ignore this email.`,
  });
}
