import "server-only";
import { headers } from "next/headers";
import { CLIENT_IP_HEADER } from "./client-ip";

/** The visitor's address as resolved by server.ts; "unknown" under a bare `next start`. */
export async function requestIp(): Promise<string> {
  return (await headers()).get(CLIENT_IP_HEADER) ?? "unknown";
}

export function requestIpOf(req: Request): string {
  return req.headers.get(CLIENT_IP_HEADER) ?? "unknown";
}
