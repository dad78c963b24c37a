import { withWorkspace } from "@/lib/http/with-workspace";
import { listMembers } from "@/lib/members/list-members";

export const GET = withWorkspace("members.read", async ({ access }) => {
  const members = await listMembers(access);
  return Response.json({
    data: members.map((m) => ({ id: m.id, role: m.role, email: m.user.email, name: m.user.name, joinedAt: m.createdAt.toISOString() })),
  });
});
