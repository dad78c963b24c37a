"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { SlidersHorizontal, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
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
interface Filter {
  key: Key;
  label: string;
  prefix: string;
  options: MenuOption[];
}

/** Filters live in the URL: shareable, and the server page reads them. */
export function LinkFilters({ slug, values, tags, campaigns, creators }: Props) {
  const router = useRouter();
  const [sheet, setSheet] = useState(false);

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
        <Dialog.Root open={sheet} onOpenChange={setSheet}>
          <Dialog.Trigger asChild>
            <Button variant="secondary" className="sm:hidden" aria-label={active ? `Filters, ${active} on` : "Filters"}>
              <SlidersHorizontal aria-hidden className="size-4" /> Filters{active ? ` (${active})` : ""}
            </Button>
          </Dialog.Trigger>
          <Dialog.Portal>
            <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-900/40" />
            <Dialog.Content className="fixed inset-x-0 bottom-0 z-50 max-h-[85dvh] overflow-y-auto rounded-t-2xl bg-white p-5 shadow-xl">
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  const data = new FormData(e.currentTarget);
                  setSheet(false);
                  go(Object.fromEntries([...filters, sort].map((f) => [f.key, String(data.get(f.key) ?? "")])));
                }}
                className="space-y-4"
              >
                <div className="flex items-center justify-between">
                  <Dialog.Title className="text-lg font-semibold">Filters</Dialog.Title>
                  <Dialog.Close asChild>
                    <Button variant="ghost" size="sm" aria-label="Close filters">
                      <X aria-hidden className="size-4" />
                    </Button>
                  </Dialog.Close>
                </div>
                <Dialog.Description className="sr-only">Choose filters, then show the links that match.</Dialog.Description>
                {[...filters, sort].map((f) => (
                  <SelectField key={f.key} id={`sheet-${f.key}`} name={f.key} label={f.label.replace("Filter by ", "")[0]!.toUpperCase() + f.label.replace("Filter by ", "").slice(1)} defaultValue={values[f.key] ?? (f.key === "sort" ? "createdAt" : "")}>
                    {f.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </SelectField>
                ))}
                <div className="flex gap-2 pt-2">
                  <Button asChild variant="secondary" className="flex-1">
                    <Link href={clear} onClick={() => setSheet(false)}>
                      Clear
                    </Link>
                  </Button>
                  <Button type="submit" className="flex-1">
                    Show links
                  </Button>
                </div>
              </form>
            </Dialog.Content>
          </Dialog.Portal>
        </Dialog.Root>
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
