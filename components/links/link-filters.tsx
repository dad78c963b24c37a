"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Search } from "lucide-react";
import { LINK_STATUSES } from "@/lib/links/schemas";
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

const select = "h-9 w-full rounded-lg border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600/20";

/** Filters live in the URL: shareable, and the server page reads them. */
export function LinkFilters({ slug, values, tags, campaigns, creators }: Props) {
  const router = useRouter();

  function go(next: LinkFilterValues) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...values, ...next })) if (v) params.set(k, v);
    if (params.get("sort") === "createdAt") params.delete("sort");
    const qs = params.toString();
    router.push(`/w/${slug}/links${qs ? `?${qs}` : ""}`);
  }

  const any = Boolean(values.search || values.tag || values.campaignId || values.createdById || values.status);
  return (
    <div className="space-y-3">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ search: String(new FormData(e.currentTarget).get("search") ?? "").trim() });
        }}
        className="relative"
      >
        <Search aria-hidden className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
        <input
          name="search"
          type="search"
          aria-label="Search links"
          placeholder="Search by slug, destination or title, then Enter"
          defaultValue={values.search ?? ""}
          className="h-10 w-full rounded-lg border border-zinc-300 bg-white pl-9 pr-3 text-sm focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600/20"
        />
      </form>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        <select aria-label="Filter by tag" className={select} value={values.tag ?? ""} onChange={(e) => go({ tag: e.target.value })}>
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <select aria-label="Filter by campaign" className={select} value={values.campaignId ?? ""} onChange={(e) => go({ campaignId: e.target.value })}>
          <option value="">All campaigns</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select aria-label="Filter by creator" className={select} value={values.createdById ?? ""} onChange={(e) => go({ createdById: e.target.value })}>
          <option value="">Anyone</option>
          {creators.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <select aria-label="Filter by status" className={select} value={values.status ?? ""} onChange={(e) => go({ status: e.target.value })}>
          <option value="">All but archived</option>
          {LINK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </select>
        <select aria-label="Sort links" className={select} value={values.sort ?? "createdAt"} onChange={(e) => go({ sort: e.target.value })}>
          <option value="createdAt">Newest first</option>
          <option value="clicks">Most clicks first</option>
        </select>
      </div>
      {any && (
        <Link href={`/w/${slug}/links${values.sort && values.sort !== "createdAt" ? `?sort=${values.sort}` : ""}`} className="inline-block text-sm font-medium text-accent-700 hover:underline">
          Clear filters
        </Link>
      )}
    </div>
  );
}
