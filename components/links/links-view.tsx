"use client";

import { useEffect, useRef, useState } from "react";
import { Link2, SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useAction } from "@/components/ui/use-action";
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
  channels: Option[];
  timeZone: string;
  actions: LinkActions;
  filters: React.ReactNode;
}

/**
 * The list with its one-step create. Links created here show at once (before
 * the server's refreshed page arrives); "Load more" appends the next pages.
 */
export function LinksView({ slug, canWrite, filtered, query, page, creators, campaigns, channels, timeZone, actions, filters }: Props) {
  const [created, setCreated] = useState<LinkOutput[]>([]);
  const [more, setMore] = useState<LinkOutput[]>([]);
  const [cursor, setCursor] = useState(page.nextCursor);
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Where keyboard focus goes once the list has re-rendered (a CSS selector).
  const [focusRequest, setFocusRequest] = useState<{ selector: string; n: number } | null>(null);
  const setFocusTo = (selector: string) => setFocusRequest((r) => ({ selector, n: (r?.n ?? 0) + 1 }));
  const focusDone = useRef(0);
  // New filters: start over (without remounting, so the filter the user is on keeps focus).
  const queryKey = JSON.stringify(query);
  const [shownKey, setShownKey] = useState(queryKey);
  if (shownKey !== queryKey) {
    setShownKey(queryKey);
    setCreated([]);
    setMore([]);
    setCursor(page.nextCursor);
    setSelected(new Set());
  }
  // Runs after each render until the element asked for exists (a new row may arrive a render later).
  useEffect(() => {
    if (!focusRequest || focusDone.current === focusRequest.n) return;
    const el = [...document.querySelectorAll<HTMLElement>(focusRequest.selector)].find((e) => e.getClientRects().length > 0);
    if (el) {
      el.focus();
      focusDone.current = focusRequest.n;
    }
  }, [focusRequest, created, more, removed, page]);
  const list = useAction((q: ListLinksQuery) => actions.list(slug, q), {
    onSuccess: (r) => {
      const first = r.data[0];
      setMore((m) => [...m, ...r.data]);
      setCursor(r.nextCursor);
      if (first) setFocusTo(`[data-row-id="${first.id}"] [data-testid="short-url"]`);
    },
  });

  // The server's copy wins over the one kept from "create" (it may have changed since).
  const seen = new Set(page.data.map((l) => l.id));
  const fresh = created.filter((l) => !seen.has(l.id));
  for (const l of fresh) seen.add(l.id);
  const links = [...fresh, ...page.data, ...more.filter((l) => !seen.has(l.id))].filter((l) => !removed.has(l.id));
  const names = new Map(creators.map((c) => [c.id, c.name]));
  const campaignNames = new Map(campaigns.map((c) => [c.id, c.name]));
  const channelNames = new Map(channels.map((c) => [c.id, c.name]));
  const allSelected = links.length > 0 && links.every((l) => selected.has(l.id));

  function loadMore() {
    if (cursor) list.run({ ...query, cursor });
  }
  /** After a row goes: focus the next row, else the previous, else the box that creates one. */
  function removedRow(id: string) {
    const i = links.findIndex((l) => l.id === id);
    const next = links[i + 1] ?? links[i - 1];
    setRemoved((r) => new Set([...r, id]));
    setFocusTo(next ? `[data-row-id="${next.id}"] [data-testid="short-url"]` : "#quick-url");
  }
  function added(link: LinkOutput, focus: boolean) {
    setCreated((c) => [link, ...c]);
    if (focus) setFocusTo(`[data-row-id="${link.id}"] [data-testid="short-url"]`);
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
    setFocusTo(gone.length ? "[data-select-all], #quick-url" : "[data-select-all]");
  }

  return (
    <div className="space-y-5">
      {canWrite && <QuickCreate slug={slug} create={actions.create} onCreated={(l) => added(l, false)} />}
      {(filtered || links.length > 0) && filters}
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
                  data-select-all
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
                data-select-all
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
                campaign={l.campaignId ? campaignNames.get(l.campaignId) : undefined}
                channel={l.channelId ? channelNames.get(l.channelId) : undefined}
                timeZone={timeZone}
                canWrite={canWrite}
                selected={selected.has(l.id)}
                onSelect={(on) => toggle(l.id, on)}
                onRemoved={removedRow}
                onDuplicated={(d) => added(d, true)}
                actions={actions}
              />
            ))}
          </ul>
        </div>
      )}
      {cursor && (
        <div className="flex justify-center">
          <Button variant="secondary" onClick={loadMore} pending={list.pending}>
            {list.pending ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
      {/* Announced on every change; the bar itself follows the list, pinned to the bottom of the screen. */}
      <p id="bulk-status" tabIndex={-1} role="status" className="sr-only">
        {selected.size > 0 ? `Selected ${selected.size} ${selected.size === 1 ? "link" : "links"}. Bulk actions follow the list.` : ""}
      </p>
      {canWrite && selected.size > 0 && (
        <BulkBar
          slug={slug}
          ids={[...selected]}
          campaigns={campaigns}
          actions={actions}
          onDone={afterBulk}
          onClear={() => {
            setSelected(new Set());
            setFocusTo("[data-select-all]");
          }}
        />
      )}
    </div>
  );
}
