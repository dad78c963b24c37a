import type { Metadata } from "next";
import { Globe } from "lucide-react";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { AddDomainForm, DomainRedirectsForm, RemoveDomainButton } from "@/components/settings/domains";
import { DomainStatus } from "@/components/settings/domain-status";
import { expectedRecord } from "@/lib/domains/check-dns";
import { appHostname } from "@/lib/domains/verify-domain";
import { requireWorkspacePage } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listBioPages } from "@/lib/bio-pages/list-bio-pages";
import { listDomains } from "@/lib/domains/manage-domains";
import { defaultDomain } from "@/lib/links/domains";
import { addDomainAction, removeDomainAction, setDomainRedirectsAction, verifyDomainAction } from "../actions";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requireWorkspacePage(slug, "workspace.read", `/w/${slug}/settings/domains`);
  const [domains, pages] = await Promise.all([listDomains(access), listBioPages(access.workspace.id)]);
  const published = pages.data.filter((p) => p.published).map((p) => ({ id: p.id, handle: p.handle, title: p.title }));
  const pageLabel = (id: string) => {
    const p = pages.data.find((x) => x.id === id);
    return p ? `the bio page @${p.handle}` : "a bio page";
  };
  const manage = can(access.role, "domains.manage");
  const appHost = appHostname();
  const local = appHost === "localhost" || appHost.endsWith(".localhost") || appHost === "127.0.0.1" || appHost === "::1";
  return (
    <>
      <Card>
        <CardTitle>Branded domains</CardTitle>
        <CardDescription>
          Every workspace can use <strong className="text-zinc-900">{defaultDomain()}</strong>. Add your own short domain (like go.yourbrand.com) and choose it when creating a link.
        </CardDescription>
        <p className="mt-2 text-sm text-zinc-600">
          You can create links on a domain while its DNS is still pending: they start working as soon as the domain points here. Pennant checks every domain again every few minutes until it is verified, then daily.
        </p>
        {local && (
          <p className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This server&apos;s address (APP_URL) is {appHost}, which only this computer can reach. Set APP_URL to the public address before pointing domains here.
          </p>
        )}
        {manage ? (
          <div className="mt-5">
            <AddDomainForm slug={slug} action={addDomainAction} />
          </div>
        ) : (
          <p className="mt-4 text-sm text-zinc-500">Only owners and admins can add domains.</p>
        )}
      </Card>
      {domains.length === 0 ? (
        <EmptyState icon={Globe} title="No branded domains yet">
          Short links use {defaultDomain()} until you add a domain of your own.
        </EmptyState>
      ) : (
        <Card>
          <CardTitle>Your domains</CardTitle>
          <ul className="mt-3 divide-y divide-zinc-100">
            {domains.map((d) => (
              <li key={d.id} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start" data-testid="domain-row">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{d.hostname}</p>
                  <DomainStatus slug={slug} id={d.id} hostname={d.hostname} status={d.status} checkError={d.checkError} checkedAt={d.checkedAt} timeZone={access.workspace.timeZone} canCheck={manage} action={verifyDomainAction} />
                  <p className="text-sm text-zinc-500">
                    {d.links} {d.links === 1 ? "link" : "links"}
                  </p>
                  <div className="mt-2 overflow-x-auto rounded-lg bg-zinc-50 p-3 text-sm">
                    <p className="mb-1 text-zinc-600">Create this DNS record at your domain&apos;s provider:</p>
                    <table className="font-mono text-xs text-zinc-800">
                      <thead className="text-left text-zinc-500">
                        <tr>
                          <th className="pr-4 font-medium">Type</th>
                          <th className="pr-4 font-medium">Name</th>
                          <th className="font-medium">Value</th>
                        </tr>
                      </thead>
                      <tbody>
                        <tr>
                          <td className="pr-4">{expectedRecord(d.hostname, appHost).type}</td>
                          <td className="pr-4">{d.hostname}</td>
                          <td>{appHost}</td>
                        </tr>
                      </tbody>
                    </table>
                    <p className="mt-1 text-xs text-zinc-500">For a root domain (no subdomain), use an ALIAS/ANAME record, or an A record with this server&apos;s address.</p>
                  </div>
                  {manage ? (
                    <DomainRedirectsForm slug={slug} id={d.id} hostname={d.hostname} rootUrl={d.rootUrl} notFoundUrl={d.notFoundUrl} rootBioPageId={d.rootBioPageId} pages={published} action={setDomainRedirectsAction} />
                  ) : (
                    <dl className="mt-3 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
                      <dt className="text-zinc-500">{d.hostname}/ goes to</dt>
                      <dd className="break-all">{d.rootBioPageId ? pageLabel(d.rootBioPageId) : (d.rootUrl ?? "Pennant's page")}</dd>
                      <dt className="text-zinc-500">Unknown links go to</dt>
                      <dd className="break-all">{d.notFoundUrl ?? "the 404 page"}</dd>
                    </dl>
                  )}
                </div>
                {manage && <RemoveDomainButton slug={slug} id={d.id} hostname={d.hostname} action={removeDomainAction} />}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
