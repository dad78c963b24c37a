"use client";

import { useState, useTransition } from "react";
import { Link2, SearchX } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { LinkOutput, ListLinksQuery } from "@/lib/links/schemas";
import { BulkBar } from "./bulk-bar";
import { LinkRow, ROW_GRID } from "./link-row";
import { QuickCreate } from "./quick-create";
import type { LinkActions, Option } from "./types";

interface Props {
  slug: string;
  canWrite: boolean;
  filtered: boolean;
  query: ListLinksQuery;
  page: { data: LinkOutput[]; nextCursor: string | null };
  creators: Option[];
  campaigns: Option[];
  actions: LinkActions;
  filters: React.ReactNode;
}

/**
 * The list with its one-step create. Links created here show at once (before
 * the server's refreshed page arrives); "Load more" appends the next pages.
 */
export function LinksView({ slug, canWrite, filtered, query, page, creators, campaigns, actions, filters }: Props) {
  const [created, setCreated] = useState<LinkOutput[]>([]);
  const [more, setMore] = useState<LinkOutput[]>([]);
  const [cursor, setCursor] = useState(page.nextCursor);
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [loading, startLoading] = useTransition();

  // The server's copy wins over the one kept from "create" (it may have changed since).
  const seen = new Set(page.data.map((l) => l.id));
  const fresh = created.filter((l) => !seen.has(l.id));
  for (const l of fresh) seen.add(l.id);
  const links = [...fresh, ...page.data, ...more.filter((l) => !seen.has(l.id))].filter((l) => !removed.has(l.id));
  const names = new Map(creators.map((c) => [c.id, c.name]));
  const allSelected = links.length > 0 && links.every((l) => selected.has(l.id));

  function loadMore() {
    if (!cursor) return;
    startLoading(async () => {
      const r = await actions.list(slug, { ...query, cursor });
      if (!r.ok) return void toast.error(r.error.message);
      setMore((m) => [...m, ...r.data.data]);
      setCursor(r.data.nextCursor);
    });
  }
  function toggle(id: string, on: boolean) {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }
  function afterBulk(gone: string[]) {
    setRemoved((r) => new Set([...r, ...gone]));
    // Loaded pages may be stale now; the server's refreshed first page is not.
    setMore([]);
    setCursor(page.nextCursor);
    setSelected(new Set());
  }

  return (
    <div className="space-y-5">
      {canWrite && <QuickCreate slug={slug} create={actions.create} onCreated={(l) => setCreated((c) => [l, ...c])} />}
      {(filtered || links.length > 0) && filters}
      {canWrite && selected.size > 0 && (
        <BulkBar slug={slug} ids={[...selected]} campaigns={campaigns} actions={actions} onDone={afterBulk} onClear={() => setSelected(new Set())} />
      )}
      {links.length === 0 ? (
        filtered ? (
          <EmptyState icon={SearchX} title="No links match these filters">
            Try another search or clear the filters to see all links.
          </EmptyState>
        ) : (
          <EmptyState icon={Link2} title="Your short links will show here">
            {canWrite ? "No links yet. Paste a URL above to create your first." : "No links yet. Nobody in this workspace has created one."}
          </EmptyState>
        )
      ) : (
        <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm">
          <div className={`hidden border-b border-zinc-200 bg-zinc-50 px-4 py-2 md:grid md:items-center md:gap-x-4 text-xs font-medium uppercase tracking-wide text-zinc-500 ${ROW_GRID}`}>
            <div>
              {canWrite && (
                <input
                  type="checkbox"
                  aria-label="Select all links on this page"
                  checked={allSelected}
                  onChange={(e) => setSelected(e.target.checked ? new Set(links.map((l) => l.id)) : new Set())}
                  className="size-4 accent-accent-600"
                />
              )}
            </div>
            <div>Link</div>
            <div className="text-right">Clicks</div>
            <div>Status</div>
            <div>Created</div>
            <div className="sr-only">Actions</div>
          </div>
          {canWrite && (
            <label className="flex items-center gap-3 border-b border-zinc-200 bg-zinc-50 px-4 py-2 text-sm text-zinc-600 md:hidden">
              <input
                type="checkbox"
                checked={allSelected}
                onChange={(e) => setSelected(e.target.checked ? new Set(links.map((l) => l.id)) : new Set())}
                className="size-4 accent-accent-600"
              />
              Select all
            </label>
          )}
          <ul className="divide-y divide-zinc-100" aria-label="Links">
            {links.map((l) => (
              <LinkRow
                key={l.id}
                slug={slug}
                link={l}
                creator={l.createdById ? names.get(l.createdById) : undefined}
                canWrite={canWrite}
                selected={selected.has(l.id)}
                onSelect={(on) => toggle(l.id, on)}
                onRemoved={(id) => setRemoved((r) => new Set([...r, id]))}
                actions={actions}
              />
            ))}
          </ul>
        </div>
      )}
      {cursor && (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={loadMore} disabled={loading}>
            {loading ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </div>
  );
}
