import type { Metadata } from "next";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { formatDay } from "@/components/ui/format-date";
import { InvitationList } from "@/components/settings/invitation-list";
import { InviteForm } from "@/components/settings/invite-form";
import { MemberList } from "@/components/settings/member-list";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can, canAssignRole, ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { listMembers } from "@/lib/members/list-members";
import { listOpenInvitations } from "@/lib/invitations/manage-invitations";
import { changeRoleAction, inviteAction, removeMemberAction, revokeInvitationAction } from "../actions";

export const metadata: Metadata = { title: "Members" };


export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requireWorkspacePage(slug, "members.read", `/w/${slug}/settings/members`);
  const [members, invitations] = await Promise.all([listMembers(access), listOpenInvitations(access)]);
  const manage = can(access.role, "members.manage");
  const roles = ROLES.filter((r) => canAssignRole(access.role, r)).map((r) => ({ value: r, label: ROLE_LABELS[r].label }));
  const now = new Date();

  return (
    <>
      {can(access.role, "invitations.manage") && (
        <Card>
          <CardTitle>Invite a teammate</CardTitle>
          <CardDescription>They get a link to join after signing in with the invited email.</CardDescription>
          <div className="mt-5">
            <InviteForm slug={slug} roles={roles} action={inviteAction} />
          </div>
        </Card>
      )}
      <Card>
        <CardTitle>Members ({members.length})</CardTitle>
        <CardDescription>Owners and admins manage the team; members create links, campaigns, QR codes and bio pages; viewers can look but not change.</CardDescription>
        <div className="mt-3">
          <MemberList
            slug={slug}
            roles={roles}
            changeRole={changeRoleAction}
            remove={removeMemberAction}
            members={members.map((m) => ({
              id: m.id,
              role: m.role,
              email: m.user.email,
              name: m.user.name,
              isYou: m.user.id === access.userId,
              editable: manage && m.user.id !== access.userId && (m.role !== "owner" || access.role === "owner"),
            }))}
          />
        </div>
      </Card>
      <Card>
        <CardTitle>Open invitations</CardTitle>
        <div className="mt-3">
          <InvitationList
            slug={slug}
            canManage={can(access.role, "invitations.manage")}
            revoke={revokeInvitationAction}
            invitations={invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expired: i.expiresAt <= now, expiresOn: formatDay(i.expiresAt, access.workspace.timeZone) }))}
          />
        </div>
      </Card>
    </>
  );
}
