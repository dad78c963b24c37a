"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useRef, useState } from "react";
import { SlidersHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { MenuSelect, type MenuOption } from "@/components/ui/menu-select";
import { SearchForm } from "@/components/ui/search-form";
import { LINK_STATUSES } from "@/lib/links/statuses";
import type { Option } from "./types";

export interface LinkFilterValues {
  search?: string;
  tag?: string;
  campaignId?: string;
  createdById?: string;
  status?: string;
  sort?: string;
}

interface Props {
  slug: string;
  values: LinkFilterValues;
  tags: string[];
  campaigns: Option[];
  creators: Option[];
}

type Key = Exclude<keyof LinkFilterValues, "search">;
export interface Filter {
  key: Key;
  label: string;
  prefix: string;
  options: MenuOption[];
}

// The phone's filter sheet (a Radix dialog) loads when its button is touched or focused.
const loadSheet = () => import("./link-filter-sheet");
const LinkFilterSheet = lazy(loadSheet);

/** Filters live in the URL: shareable, and the server page reads them. */
export function LinkFilters({ slug, values, tags, campaigns, creators }: Props) {
  const router = useRouter();
  const [sheet, setSheet] = useState(false);
  const [sheetUsed, setSheetUsed] = useState(false);
  if (sheet && !sheetUsed) setSheetUsed(true);
  const sheetButton = useRef<HTMLButtonElement>(null);

  function href(next: LinkFilterValues) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...values, ...next })) if (v) params.set(k, v);
    if (params.get("sort") === "createdAt") params.delete("sort");
    const qs = params.toString();
    return `/w/${slug}/links${qs ? `?${qs}` : ""}`;
  }
  const go = (next: LinkFilterValues) => router.push(href(next), { scroll: false });

  const filters: Filter[] = [
    { key: "tag", label: "Filter by tag", prefix: "Tag: ", options: [{ value: "", label: "All tags" }, ...tags.map((t) => ({ value: t, label: t }))] },
    { key: "campaignId", label: "Filter by campaign", prefix: "Campaign: ", options: [{ value: "", label: "All campaigns" }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))] },
    { key: "createdById", label: "Filter by creator", prefix: "By: ", options: [{ value: "", label: "Anyone" }, ...creators.map((c) => ({ value: c.id, label: c.name }))] },
    { key: "status", label: "Filter by status", prefix: "Status: ", options: [{ value: "", label: "All but archived" }, ...LINK_STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))] },
  ];
  const sort: Filter = { key: "sort", label: "Sort links", prefix: "", options: [{ value: "createdAt", label: "Newest first" }, { value: "clicks", label: "Most clicks first" }] };
  const active = filters.filter((f) => values[f.key]).length;
  const clear = href({ search: undefined, tag: undefined, campaignId: undefined, createdById: undefined, status: undefined });

  return (
    <div className="space-y-3">
      <div className="flex gap-2">
        <SearchForm
          onSubmit={(e) => {
            e.preventDefault();
            go({ search: String(new FormData(e.currentTarget).get("search") ?? "").trim() });
          }}
          className="min-w-0 flex-1"
          name="search"
          label="Search links"
          placeholder="Search by slug, destination or title, then Enter"
          defaultValue={values.search ?? ""}
        />
        {/* Phone: every filter behind one control. */}
        <Button
          ref={sheetButton}
          variant="secondary"
          className="sm:hidden"
          aria-haspopup="dialog"
          aria-expanded={sheet}
          aria-label={active ? `Filters, ${active} on` : "Filters"}
          onPointerEnter={() => void loadSheet()}
          onFocus={() => void loadSheet()}
          onClick={() => setSheet(true)}
        >
          <SlidersHorizontal aria-hidden className="size-4" /> Filters{active ? ` (${active})` : ""}
        </Button>
        {sheetUsed && (
          <Suspense fallback={null}>
            <LinkFilterSheet
              open={sheet}
              onOpenChange={setSheet}
              returnFocus={sheetButton}
              fields={[...filters, sort]}
              values={values}
              clearHref={clear}
              onApply={(next) => {
                setSheet(false);
                go(next);
              }}
            />
          </Suspense>
        )}
      </div>
      <div className="hidden flex-wrap items-center gap-2 sm:flex" role="group" aria-label="Filters">
        {filters.map((f) => (
          <MenuSelect key={f.key} label={f.label} prefix={values[f.key] ? f.prefix : ""} value={values[f.key] ?? ""} options={f.options} onChange={(v) => go({ [f.key]: v })} className="max-w-56" />
        ))}
        <span className="ml-auto">
          <MenuSelect label={sort.label} value={values.sort ?? "createdAt"} options={sort.options} onChange={(v) => go({ sort: v })} />
        </span>
      </div>
      {(active > 0 || values.search) && (
        <Link href={clear} className="inline-block text-sm font-medium text-accent-700 underline-offset-2 hover:underline">
          Clear filters
        </Link>
      )}
    </div>
  );
}
