"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { Role } from "@/lib/auth/permissions";

export interface MemberItem {
  id: string;
  role: string;
  email: string;
  name: string | null;
  isYou: boolean;
  editable: boolean;
}

interface Props {
  slug: string;
  members: MemberItem[];
  roles: { value: string; label: string }[];
  changeRole: (slug: string, membershipId: string, role: Role) => Promise<ActionResult>;
  remove: (slug: string, membershipId: string) => Promise<ActionResult>;
}

function MemberRow({ slug, member, roles, changeRole, remove }: Omit<Props, "members"> & { member: MemberItem }) {
  const role = useAction((r: Role) => changeRole(slug, member.id, r), { success: "Role changed" });
  const del = useAction(() => remove(slug, member.id), { success: `${member.email} removed` });
  return (
    <li className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center" data-testid="member-row">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-zinc-900">
          {member.name || member.email} {member.isYou && <span className="font-normal text-zinc-500">(you)</span>}
        </p>
        {member.name && <p className="truncate text-sm text-zinc-500">{member.email}</p>}
      </div>
      {member.editable ? (
        <div className="flex gap-2">
          <select
            aria-label={`Role of ${member.email}`}
            defaultValue={member.role}
            disabled={role.pending}
            onChange={(e) => role.run(e.target.value as Role)}
            className="h-9 rounded-lg border border-zinc-300 bg-white px-2 text-sm"
          >
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <ConfirmDialog
            trigger={<Button variant="ghost" size="sm" aria-label={`Remove ${member.email}`}>Remove</Button>}
            title={`Remove ${member.email}?`}
            description="They lose access to this workspace at once."
            confirmLabel="Remove"
            pending={del.pending}
            onConfirm={() => del.run(undefined)}
          />
        </div>
      ) : (
        <span className="self-start rounded-full bg-zinc-100 px-2.5 py-1 text-xs font-medium capitalize text-zinc-700 sm:self-auto">{member.role}</span>
      )}
    </li>
  );
}

export function MemberList(props: Props) {
  return (
    <ul className="divide-y divide-zinc-100">
      {props.members.map((m) => (
        <MemberRow key={m.id} {...props} member={m} />
      ))}
    </ul>
  );
}
