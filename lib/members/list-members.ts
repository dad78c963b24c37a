import "server-only";
import { db } from "@/lib/db/client";

export function listMembers(workspaceId: string) {
  return db().membership.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
}
