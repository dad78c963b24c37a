import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A real SMTP server on loopback stands in for the mail provider (the outside world).
const received: { to: string[]; data: string }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let data = "";
    stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});

beforeAll(async () => {
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.EMAIL_FROM = "Pennant <hello@pennant.test>";
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("mail with SMTP_URL", () => {
  it("sends the magic link through the SMTP server and writes nothing to the outbox", async () => {
    const { sendMagicLink } = await import("@/lib/auth/send-magic-link");
    const { db } = await import("@/lib/db/client");
    const before = await db().outboxEmail.count();
    await sendMagicLink("ana@example.com", "http://localhost:3000/api/auth/callback/email?token=abc");
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(["ana@example.com"]);
    expect(received[0]!.data).toContain("Subject: Your Pennant sign-in link");
    expect(received[0]!.data).toContain("From: Pennant <hello@pennant.test>");
    expect(received[0]!.data.replace(/=\r?\n/g, "")).toMatch(/token=(3D)?abc/);
    expect(await db().outboxEmail.count()).toBe(before);
    const { signInMethods } = await import("@/lib/auth/options");
    expect(signInMethods()).toMatchObject({ email: true, outbox: false });
  });
});
