import type { Metadata } from "next";
import { formatDay, formatMoment } from "@/components/ui/format-date";
import Link from "next/link";
import { KeyRound } from "lucide-react";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CreateApiKeyForm, RevokeApiKeyButton } from "@/components/settings/api-keys";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKeyAction, revokeApiKeyAction } from "../actions";

export const metadata: Metadata = { title: "API keys" };


export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requireWorkspacePage(slug, "api_keys.manage", `/w/${slug}/settings/api-keys`);
  const keys = await listApiKeys(access);
  return (
    <>
      <Card>
        <CardTitle>Create an API key</CardTitle>
        <CardDescription>
          A key acts for this workspace only. Send it as <code className="rounded bg-zinc-100 px-1">Authorization: Bearer &lt;key&gt;</code>. Endpoints, fields and examples:{" "}
          <Link href="/docs/api" className="font-medium text-accent-700 hover:underline">
            API reference
          </Link>
          .
        </CardDescription>
        <div className="mt-5">
          <CreateApiKeyForm slug={slug} action={createApiKeyAction} />
        </div>
      </Card>
      {keys.length === 0 ? (
        <EmptyState icon={KeyRound} title="No API keys yet">Create a key above to let your own tools create links and read analytics.</EmptyState>
      ) : (
        <Card>
          <CardTitle>Active keys</CardTitle>
          <ul className="mt-3 divide-y divide-zinc-100">
            {keys.map((k) => (
              <li key={k.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center" data-testid="api-key-row">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium">{k.name}</p>
                  <p className="text-sm text-zinc-500">
                    <code>{k.start}…</code> · <span className="capitalize">{k.role}</span> · created {formatDay(k.createdAt, access.workspace.timeZone)}
                    {k.lastUsedAt ? ` · last used ${formatMoment(k.lastUsedAt, access.workspace.timeZone)}` : " · never used"}
                  </p>
                </div>
                <RevokeApiKeyButton slug={slug} id={k.id} name={k.name} action={revokeApiKeyAction} />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
