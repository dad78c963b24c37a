"use client";

import { CircleAlert, CircleCheck, Clock, RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import { formatMoment } from "@/components/ui/format-date";

interface Props {
  slug: string;
  id: string;
  hostname: string;
  status: "pending" | "verified" | "failed";
  checkError: string | null;
  checkedAt: string | null;
  /** The workspace's zone, which the time is shown in (and named). */
  timeZone: string;
  canCheck: boolean;
  action: (slug: string, id: string) => Promise<ActionResult<{ status: string }>>;
}

const LOOK = {
  pending: { icon: Clock, label: "Waiting for DNS", tone: "bg-amber-50 text-amber-800 ring-amber-200" },
  verified: { icon: CircleCheck, label: "Verified", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  failed: { icon: CircleAlert, label: "Not pointing here", tone: "bg-red-50 text-red-800 ring-red-200" },
} as const;

/** A branded domain's DNS status, when it was last checked, and a button to check again now. */
export function DomainStatus({ slug, id, hostname, status, checkError, checkedAt, timeZone, canCheck, action }: Props) {
  const { run, pending } = useAction(() => action(slug, id), {
    success: (d) => (d.status === "verified" ? `${hostname} points here` : `${hostname} checked: not pointing here yet`),
  });
  const look = LOOK[status];
  const Icon = look.icon;
  return (
    <div className="mt-2 space-y-1" data-testid="domain-status">
      <div className="flex flex-wrap items-center gap-2">
        <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${look.tone}`}>
          <Icon aria-hidden className="size-3.5" /> {look.label}
        </span>
        <span className="text-xs text-zinc-600">{checkedAt ? <>Last checked <time dateTime={checkedAt}>{formatMoment(checkedAt, timeZone)}</time></> : "Not checked yet"}</span>
        {canCheck && (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            aria-disabled={pending}
            onClick={() => !pending && run(undefined)}
            aria-label={`Check the DNS of ${hostname} again`}
          >
            <RefreshCw aria-hidden className={`size-3.5 ${pending ? "animate-spin" : ""}`} /> {pending ? "Checking…" : "Check again"}
          </Button>
        )}
      </div>
      {status === "failed" && checkError && <p className="text-sm text-red-700">{checkError}</p>}
    </div>
  );
}
