"use client";

import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { Search } from "lucide-react";
import type { CommandMenuProps, MenuMode } from "./command-menu-types";

// The menu's body (dialog, list, search) loads on first open, so pages pay
// for a button and a key listener only.
const loadBody = () => import("./command-menu-body");
const CommandMenuBody = lazy(loadBody);

const noSubscription = () => () => {};
const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** A key pressed while typing belongs to the field, not to a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || Boolean(target.closest("[role=dialog],[role=alertdialog],[role=menu],[role=listbox]"));
}

/**
 * The header's "Search or jump" button and every dashboard shortcut:
 * ⌘K / Ctrl-K opens the command menu, `c` a new link, `/` the page's search,
 * `?` the list of shortcuts.
 */
export function CommandMenu(props: CommandMenuProps) {
  const router = useRouter();
  const [mode, setMode] = useState<MenuMode>("closed");
  const [loaded, setLoaded] = useState(false);
  const mac = useSyncExternalStore(noSubscription, isMac, () => false);
  const { slug, canWrite } = props;

  useEffect(() => {
    function open(next: MenuMode) {
      setLoaded(true);
      setMode(next);
    }
    function onKey(e: KeyboardEvent) {
      if ((e.metaKey || e.ctrlKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setLoaded(true);
        setMode((m) => (m === "menu" ? "closed" : "menu"));
        return;
      }
      if (e.metaKey || e.ctrlKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return;
      if (e.key === "?") {
        e.preventDefault();
        open("shortcuts");
      } else if (e.key === "/") {
        e.preventDefault();
        const search = document.querySelector<HTMLInputElement>("#main input[type=search]");
        if (search) search.focus();
        else open("menu");
      } else if (e.key === "c" && canWrite) {
        e.preventDefault();
        router.push(`/w/${slug}/links/new`);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, slug, canWrite]);

  const shortcut = mac ? "⌘K" : "Ctrl K";
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setLoaded(true);
          setMode("menu");
        }}
        onPointerEnter={() => void loadBody()}
        onFocus={() => void loadBody()}
        aria-haspopup="dialog"
        aria-keyshortcuts="Meta+K Control+K"
        aria-label={`Search or jump to… (${shortcut})`}
        className="flex h-9 items-center gap-2 rounded-lg border border-zinc-300 bg-white px-2.5 text-sm text-zinc-600 hover:bg-zinc-50 sm:w-64 sm:px-3"
      >
        <Search aria-hidden className="size-4 shrink-0" />
        <span className="hidden flex-1 text-left sm:inline">Search or jump to…</span>
        <kbd aria-hidden className="hidden rounded border border-zinc-300 bg-zinc-50 px-1.5 font-sans text-xs text-zinc-600 sm:inline">
          {shortcut}
        </kbd>
      </button>
      {loaded && (
        <Suspense fallback={null}>
          <CommandMenuBody {...props} mode={mode} onModeChange={setMode} shortcut={shortcut} />
        </Suspense>
      )}
    </>
  );
}
