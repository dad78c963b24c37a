"use client";

import { useEffect, useId, useState } from "react";
import { useRouter } from "next/navigation";
import * as Dialog from "@radix-ui/react-dialog";
import { ArrowRightLeft, CornerDownLeft, FileText, Keyboard, Link2, Loader2, Megaphone, Plus, QrCode, Search, UserRound, type LucideIcon } from "lucide-react";
import { searchWorkspaceAction } from "@/app/w/[slug]/actions";
import { createLinkAction } from "@/app/w/[slug]/links/actions";
import { copyShortLink } from "@/components/links/copy-short-link";
import { cn } from "@/components/ui/cn";
import { useAction } from "@/components/ui/use-action";
import type { SearchHit } from "@/lib/search/search-workspace";
import type { CommandMenuProps, MenuMode } from "./command-menu-types";
import { NAV_ITEMS } from "./nav-items";

interface Item {
  id: string;
  group: "Create" | "Found" | "Go to" | "Switch workspace" | "Help";
  label: string;
  detail?: string;
  icon: LucideIcon;
  /** Extra words it answers to. */
  keywords?: string;
  run: () => void;
}

const HIT_ICONS: Record<SearchHit["kind"], LucideIcon> = { link: Link2, campaign: Megaphone, bio: UserRound, qr: QrCode };
const HIT_KINDS: Record<SearchHit["kind"], string> = { link: "Link", campaign: "Campaign", bio: "Bio page", qr: "QR code" };
const GROUP_ORDER: Item["group"][] = ["Create", "Found", "Go to", "Switch workspace", "Help"];

const SHORTCUTS: { keys: string[]; does: string }[] = [
  { keys: ["⌘K", "Ctrl K"], does: "Open the command menu: create a link, jump to anything, switch workspace" },
  { keys: ["c"], does: "New link" },
  { keys: ["/"], does: "Search this page's list (or open the command menu)" },
  { keys: ["?"], does: "Show these shortcuts" },
  { keys: ["↑", "↓", "Enter"], does: "In the command menu: move through the results and choose one" },
  { keys: ["Esc"], does: "Close a menu or dialog" },
];

/** What a pasted address looks like: a web address, or a host name with a dot. */
function asUrl(text: string): string | null {
  const t = text.trim();
  if (!t || /\s/.test(t)) return null;
  if (/^https?:\/\/\S+\.\S+/i.test(t)) return t;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i.test(t)) return `https://${t}`;
  return null;
}

const matches = (item: Item, q: string) => {
  const hay = `${item.label} ${item.keywords ?? ""}`.toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .every((w) => hay.includes(w));
};

export default function CommandMenuBody({ slug, canWrite, workspaces, mode, onModeChange, shortcut }: CommandMenuProps & { mode: MenuMode; onModeChange: (m: MenuMode) => void; shortcut: string }) {
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [found, setFound] = useState<{ q: string; hits: SearchHit[]; error?: string }>({ q: "", hits: [] });
  const url = asUrl(query);

  const create = useAction((u: string) => createLinkAction(slug, { url: u }), {
    onSuccess: (link) => {
      setQuery("");
      onModeChange("closed");
      void copyShortLink(link.shortUrl);
      router.refresh();
    },
  });

  // Names are searched on the server, a moment after typing stops.
  const q = query.trim();
  const wantSearch = mode === "menu" && q.length >= 2 && !url;
  const hits = wantSearch && found.q === q ? found.hits : [];
  const searching = wantSearch && found.q !== q;
  const searchError = wantSearch && found.q === q ? found.error : undefined;
  useEffect(() => {
    if (!wantSearch) return;
    let current = true;
    const timer = setTimeout(() => {
      void searchWorkspaceAction(slug, { q }).then((result) => {
        if (!current) return;
        setFound(result.ok ? { q, hits: result.data } : { q, hits: [], error: result.error.message });
        setActive(0);
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, wantSearch, slug]);

  const items = (() => {
    const go = (path: string) => () => {
      onModeChange("closed");
      setQuery("");
      router.push(path);
    };
    const base = `/w/${slug}`;
    const all: Item[] = [];
    if (canWrite && url) all.push({ id: "create-url", group: "Create", label: `Create a short link to ${url}`, detail: "Created and copied", icon: Plus, run: () => create.run(url) });
    if (canWrite)
      all.push(
        { id: "new-link", group: "Create", label: "New link…", detail: "c", icon: Plus, keywords: "create add short", run: go(`${base}/links/new`) },
        { id: "new-qr", group: "Create", label: "New QR code…", icon: QrCode, keywords: "create add", run: go(`${base}/qr/new`) },
        { id: "new-bio", group: "Create", label: "New bio page…", icon: UserRound, keywords: "create add link in bio", run: go(`${base}/bio`) },
        { id: "new-campaign", group: "Create", label: "New campaign…", icon: Megaphone, keywords: "create add", run: go(`${base}/campaigns`) },
      );
    for (const h of hits) all.push({ id: `hit-${h.kind}-${h.id}`, group: "Found", label: h.label, detail: `${HIT_KINDS[h.kind]} · ${h.detail}`, icon: HIT_ICONS[h.kind], run: go(h.path) });
    for (const n of NAV_ITEMS) all.push({ id: `go-${n.segment}`, group: "Go to", label: n.label, icon: n.icon, keywords: "go section", run: go(`${base}/${n.segment}`) });
    all.push(
      { id: "go-members", group: "Go to", label: "Members", detail: "Settings", icon: FileText, keywords: "settings team invite people", run: go(`${base}/settings/members`) },
      { id: "go-domains", group: "Go to", label: "Domains", detail: "Settings", icon: FileText, keywords: "settings branded dns", run: go(`${base}/settings/domains`) },
      { id: "go-api-keys", group: "Go to", label: "API keys", detail: "Settings", icon: FileText, keywords: "settings tokens", run: go(`${base}/settings/api-keys`) },
      { id: "go-channels", group: "Go to", label: "Channels", detail: "Settings", icon: FileText, keywords: "settings utm", run: go(`${base}/settings/channels`) },
      { id: "go-import", group: "Go to", label: "Import links from CSV", icon: FileText, keywords: "csv upload", run: go(`${base}/links/import`) },
      { id: "go-account", group: "Go to", label: "Your account", icon: UserRound, keywords: "profile password email avatar", run: go("/account") },
    );
    for (const w of workspaces)
      if (w.slug !== slug) all.push({ id: `ws-${w.slug}`, group: "Switch workspace", label: w.name, detail: "Switch to this workspace", icon: ArrowRightLeft, keywords: "workspace switch", run: go(`/w/${w.slug}/links`) });
    all.push({ id: "shortcuts", group: "Help", label: "Keyboard shortcuts", detail: "?", icon: Keyboard, keywords: "help keys", run: () => onModeChange("shortcuts") });
    const shown = url ? all.filter((i) => i.id === "create-url" || i.id === "new-link") : all.filter((i) => i.group === "Found" || !q || matches(i, q));
    return GROUP_ORDER.flatMap((g) => shown.filter((i) => i.group === g));
  })();

  const current = items[Math.min(active, items.length - 1)];
  useEffect(() => {
    if (current) document.getElementById(`${listId}-${current.id}`)?.scrollIntoView({ block: "nearest" });
  }, [current, listId]);

  function onKeyDown(e: React.KeyboardEvent) {
    const last = items.length - 1;
    if (e.key === "ArrowDown") setActive((a) => (a >= last ? 0 : a + 1));
    else if (e.key === "ArrowUp") setActive((a) => (a <= 0 ? last : a - 1));
    else if (e.key === "Home" && e.ctrlKey) setActive(0);
    else if (e.key === "End" && e.ctrlKey) setActive(last);
    else if (e.key === "Enter") {
      if (!e.nativeEvent.isComposing && current && !create.pending) current.run();
    } else return;
    e.preventDefault();
  }

  const problem = create.fields.url ?? create.error;
  const status = create.pending ? "Creating the short link…" : searching ? "Searching…" : q ? `${items.length} result${items.length === 1 ? "" : "s"}` : "";
  return (
    <>
      <Dialog.Root open={mode === "menu"} onOpenChange={(o) => onModeChange(o ? "menu" : "closed")}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-900/40" />
          <Dialog.Content
            aria-describedby={undefined}
            className="fixed inset-x-2 top-2 z-50 mx-auto flex max-h-[calc(100dvh-1rem)] max-w-xl flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-2xl sm:top-[12vh] sm:max-h-[70vh]"
            data-testid="command-menu"
          >
            <Dialog.Title className="sr-only">Command menu</Dialog.Title>
            <div className="flex items-center gap-2 border-b border-zinc-200 px-3">
              {create.pending || searching ? <Loader2 aria-hidden className="size-4 shrink-0 animate-spin text-zinc-500" /> : <Search aria-hidden className="size-4 shrink-0 text-zinc-500" />}
              <input
                role="combobox"
                aria-expanded
                aria-controls={listId}
                aria-autocomplete="list"
                aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
                aria-label="Search, paste a URL, or type a command"
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${listId}-error` : undefined}
                autoComplete="off"
                spellCheck={false}
                value={query}
                onChange={(e) => {
                  // The first result is the one Enter takes, each time the results change.
                  setQuery(e.target.value);
                  setActive(0);
                }}
                onKeyDown={onKeyDown}
                placeholder="Paste a URL, search names, or go to…"
                className="h-12 min-w-0 flex-1 bg-transparent text-base text-zinc-900 placeholder:text-zinc-500 focus:outline-none sm:text-sm"
              />
              <kbd className="hidden rounded border border-zinc-300 px-1.5 text-xs text-zinc-600 sm:inline">Esc</kbd>
            </div>
            {problem && (
              <p id={`${listId}-error`} role="alert" className="border-b border-red-100 bg-red-50 px-4 py-2 text-sm text-red-800">
                {problem}
              </p>
            )}
            {searchError && <p className="px-4 py-2 text-sm text-red-800">{searchError}</p>}
            <div id={listId} role="listbox" aria-label="Commands and results" className="min-h-0 flex-1 overflow-y-auto p-1.5">
              {GROUP_ORDER.map((group) => {
                const inGroup = items.filter((i) => i.group === group);
                if (!inGroup.length) return null;
                return (
                  <div key={group} role="group" aria-labelledby={`${listId}-g-${group.replace(/\s/g, "")}`}>
                    <div id={`${listId}-g-${group.replace(/\s/g, "")}`} role="presentation" className="px-2.5 pb-1 pt-2 text-xs font-medium uppercase tracking-wide text-zinc-600">
                      {group}
                    </div>
                    {inGroup.map((item) => {
                      const selected = item === current;
                      const Icon = item.icon;
                      return (
                        <div
                          key={item.id}
                          id={`${listId}-${item.id}`}
                          role="option"
                          aria-selected={selected}
                          onPointerMove={() => setActive(items.indexOf(item))}
                          onClick={() => item.run()}
                          className={cn("flex cursor-pointer items-center gap-3 rounded-lg px-2.5 py-2 text-sm", selected ? "bg-accent-50 text-accent-900" : "text-zinc-800")}
                        >
                          <Icon aria-hidden className={cn("size-4 shrink-0", selected ? "text-accent-700" : "text-zinc-500")} />
                          <span className="min-w-0 flex-1">
                            <span className="block truncate font-medium">{item.label}</span>
                            {item.detail && item.detail.length > 1 && <span className="block truncate text-xs text-zinc-600">{item.detail}</span>}
                          </span>
                          {item.detail?.length === 1 && <kbd className="rounded border border-zinc-300 px-1.5 text-xs text-zinc-600">{item.detail}</kbd>}
                          {selected && <CornerDownLeft aria-hidden className="size-4 shrink-0 text-accent-700" />}
                        </div>
                      );
                    })}
                  </div>
                );
              })}
              {!items.length && !searching && <p className="px-3 py-6 text-center text-sm text-zinc-600">Nothing matches “{q}”.</p>}
            </div>
            <div className="flex items-center justify-between gap-3 border-t border-zinc-200 bg-zinc-50 px-3 py-2 text-xs text-zinc-600">
              <span role="status" aria-live="polite">
                {status}
              </span>
              <span className="hidden sm:inline">
                <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to choose · <kbd>{shortcut}</kbd> to close
              </span>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      <ShortcutsDialog open={mode === "shortcuts"} onOpenChange={(o) => onModeChange(o ? "shortcuts" : "closed")} />
    </>
  );
}

function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-900/40" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">Keyboard shortcuts</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-zinc-600">They work on every workspace page, except while you type in a field.</Dialog.Description>
          <table className="mt-4 w-full text-sm">
            <thead className="sr-only">
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">What they do</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.does} className="border-t border-zinc-100 first:border-0">
                  <td className="whitespace-nowrap py-2 pr-4 align-top">
                    {s.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && <span className="px-1 text-zinc-500">{s.keys.length === 2 && s.keys[0] === "⌘K" ? "or" : ""}</span>}
                        <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 text-xs text-zinc-800">{k}</kbd>
                      </span>
                    ))}
                  </td>
                  <td className="py-2 text-zinc-700">{s.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-5 flex justify-end">
            <Dialog.Close className="h-10 rounded-lg border border-zinc-300 bg-white px-4 text-sm font-medium text-zinc-900 hover:bg-zinc-50">Close</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
