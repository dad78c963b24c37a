"use client";

import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";

export interface InvitationItem {
  id: string;
  email: string;
  role: string;
  expired: boolean;
  expiresOn: string;
}

function Row({ slug, inv, canManage, revoke }: { slug: string; inv: InvitationItem; canManage: boolean; revoke: Props["revoke"] }) {
  const r = useAction(() => revoke(slug, inv.id), { success: `Invitation for ${inv.email} revoked` });
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center" data-testid="invitation-row">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium">{inv.email}</p>
        <p className="text-sm text-zinc-500">
          <span className="capitalize">{inv.role}</span> · {inv.expired ? <span className="text-amber-700">expired {inv.expiresOn}</span> : <>expires {inv.expiresOn}</>}
        </p>
      </div>
      {canManage && (
        <Button variant="ghost" size="sm" className="self-start sm:self-auto" disabled={r.pending} onClick={() => r.run(undefined)} aria-label={`Revoke invitation for ${inv.email}`}>
          Revoke
        </Button>
      )}
    </li>
  );
}

interface Props {
  slug: string;
  invitations: InvitationItem[];
  canManage: boolean;
  revoke: (slug: string, id: string) => Promise<ActionResult>;
}

export function InvitationList({ slug, invitations, canManage, revoke }: Props) {
  if (invitations.length === 0) return <p className="text-sm text-zinc-500">No open invitations.</p>;
  return (
    <ul className="divide-y divide-zinc-100">
      {invitations.map((inv) => (
        <Row key={inv.id} slug={slug} inv={inv} canManage={canManage} revoke={revoke} />
      ))}
    </ul>
  );
}
