"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { AlertCircle, CheckCircle2, FileUp } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { cn } from "@/components/ui/cn";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { ImportPreview, ImportResult, ImportRowResult } from "@/lib/links/import-links-csv";

const MAX_BYTES = 2 * 1024 * 1024;

interface Props {
  slug: string;
  preview: (slug: string, csv: string) => Promise<ActionResult<ImportPreview>>;
  commit: (slug: string, csv: string) => Promise<ActionResult<ImportResult>>;
}

/** Upload (pick, drop or paste) -> preview with per-row errors -> import all or nothing. */
export function ImportCsv({ slug, preview: previewAction, commit }: Props) {
  const [csv, setCsv] = useState("");
  const [source, setSource] = useState<string>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [error, setError] = useState<string>();
  const [imported, setImported] = useState<number>();
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // Both show their errors in the form's alert (the latest one wins), not in a toast.
  const checkAction = useAction((text: string) => previewAction(slug, text), { toastErrors: false, onSuccess: setPreview, onError: (e) => setError(e.message) });
  const importAction = useAction(() => commit(slug, csv), {
    onError: (e) => setError(e.message),
    onSuccess: (result) => {
      if (!result.ok) {
        setPreview(result.preview);
        toast.error("Nothing was imported: some rows need fixing.");
        return;
      }
      toast.success(`Imported ${result.created} ${result.created === 1 ? "link" : "links"}`);
      setImported(result.created);
      setPreview(undefined);
      setCsv("");
      if (fileInput.current) fileInput.current.value = "";
    },
  });
  const checking = checkAction.pending;
  const importing = importAction.pending;

  function check(text: string, from: string) {
    setCsv(text);
    setSource(from);
    setImported(undefined);
    setPreview(undefined);
    setError(undefined);
    checkAction.run(text);
  }

  async function readFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setPreview(undefined);
      setError(`${file.name} is larger than 2 MB. Split it into smaller files.`);
      return;
    }
    check(await file.text(), file.name);
  }

  function runImport() {
    setError(undefined);
    importAction.run(undefined);
  }

  const ready = preview?.ok === true;
  const total = preview?.rows.length ?? 0;
  return (
    <div className="space-y-6">
      <Card>
        <CardTitle>1. Choose a CSV file</CardTitle>
        <CardDescription>The first row names the columns (see below); each further row is one link.</CardDescription>
        <label
          htmlFor="csv-file"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void readFile(e.dataTransfer.files[0]);
          }}
          className={cn(
            "mt-4 flex cursor-pointer flex-col items-center gap-2 rounded-xl border-2 border-dashed px-4 py-8 text-center transition-colors focus-within:ring-2 focus-within:ring-accent-600/30",
            dragging ? "border-accent-600 bg-accent-50" : "border-zinc-300 bg-zinc-50 hover:bg-zinc-100",
          )}
          data-testid="csv-drop-zone"
        >
          <FileUp aria-hidden className="size-7 text-accent-600" />
          <span className="text-sm font-medium text-zinc-900">Drop a CSV file here, or click to choose one</span>
          <span className="text-xs text-zinc-500">Up to 2 MB and 5,000 links. Comma, semicolon or tab separated.</span>
          <input
            ref={fileInput}
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            aria-label="CSV file"
            className="sr-only"
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
        </label>
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-accent-700">Or paste CSV text</summary>
          <form method="post"
            className="mt-3 space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              const text = String(new FormData(e.currentTarget).get("csv-text") ?? "");
              check(text, "pasted text");
            }}
          >
            <label htmlFor="csv-text" className="block text-sm font-medium text-zinc-800">
              CSV text
            </label>
            <textarea
              id="csv-text"
              name="csv-text"
              rows={6}
              spellCheck={false}
              placeholder={"url,slug,title\nhttps://example.com/spring,spring,Spring sale"}
              className="block w-full rounded-lg border border-zinc-300 bg-white p-3 font-mono text-xs text-zinc-900 focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600"
            />
            <Button type="submit" variant="secondary" disabled={checking}>
              Check pasted CSV
            </Button>
          </form>
        </details>
      </Card>

      {checking && <p className="text-sm text-zinc-600" role="status">Checking {source}…</p>}
      <FormAlert message={error} />

      {imported !== undefined && (
        <div role="status" className="flex flex-col gap-3 rounded-xl border border-emerald-200 bg-emerald-50 p-4 sm:flex-row sm:items-center sm:justify-between">
          <p className="flex items-center gap-2 text-sm font-medium text-emerald-900">
            <CheckCircle2 aria-hidden className="size-5" />
            Imported {imported} {imported === 1 ? "link" : "links"}.
          </p>
          <Button asChild size="sm">
            <Link href={`/w/${slug}/links`}>Go to Links</Link>
          </Button>
        </div>
      )}

      {preview && (
        <Card className="p-0 sm:p-0">
          <div className="flex flex-col gap-3 border-b border-zinc-200 p-5 sm:flex-row sm:items-center sm:justify-between sm:p-6">
            <div>
              <CardTitle>2. Check the preview</CardTitle>
              <p className="mt-1 text-sm text-zinc-600" data-testid="import-summary">
                {ready
                  ? `All ${total} ${total === 1 ? "row is" : "rows are"} ready to import from ${source}.`
                  : `${preview.validCount} of ${total} rows in ${source} are ready. Fix the problems marked below in your file and upload it again; nothing is imported until every row is right.`}
              </p>
            </div>
            {ready ? (
              <Button onClick={runImport} pending={importing} className="shrink-0">
                {importing ? "Importing…" : `Import ${total} ${total === 1 ? "link" : "links"}`}
              </Button>
            ) : (
              <Button disabled className="shrink-0">
                {`${total - preview.validCount} of ${total} ${total === 1 ? "row needs" : "rows need"} a fix`}
              </Button>
            )}
          </div>
          {preview.fileErrors.length > 0 && (
            <ul className="space-y-1 border-b border-zinc-200 bg-red-50 px-5 py-3 text-sm text-red-800 sm:px-6" data-testid="file-errors">
              {preview.fileErrors.map((e, i) => (
                <li key={i}>
                  Row {e.row}
                  {e.column ? `, ${e.column}` : ""}: {e.message}
                </li>
              ))}
            </ul>
          )}
          <PreviewRows rows={preview.rows} />
        </Card>
      )}
    </div>
  );
}

function RowErrors({ row }: { row: ImportRowResult }) {
  if (row.ok) {
    return (
      <span className="inline-flex items-center gap-1 text-emerald-700">
        <CheckCircle2 aria-hidden className="size-4" /> Ready
      </span>
    );
  }
  return (
    <ul className="space-y-1 text-red-700">
      {row.errors.map((e, i) => (
        <li key={i} className="flex gap-1.5">
          <AlertCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            {e.column && <strong className="font-medium">{e.column}: </strong>}
            {e.message}
          </span>
        </li>
      ))}
    </ul>
  );
}

function shortLink(row: ImportRowResult) {
  if (!row.link) return "";
  return row.link.slug ? `${row.link.domain}/${row.link.slug}` : `${row.link.domain}/(random)`;
}

/**
 * A URL or short link with break opportunities after its separators, so a
 * narrow column wraps it at "/" or "?" rather than mid-word ("summe r-26").
 */
function breakable(text: string | undefined) {
  if (!text) return text;
  return text.split(/(?<=[/?&=.#])/).map((part, i) => (
    <span key={i}>
      {i > 0 && <wbr />}
      {part}
    </span>
  ));
}

/** A table on wide screens, a list of cards on phones. */
function PreviewRows({ rows }: { rows: ImportRowResult[] }) {
  return (
    <>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full table-fixed text-left text-sm">
          <colgroup>
            <col className="w-16" />
            <col className="w-[26%]" />
            <col className="w-[19%]" />
            <col className="w-[15%]" />
            <col />
          </colgroup>
          <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Row</th>
              <th scope="col" className="px-4 py-2 font-medium">Destination</th>
              <th scope="col" className="px-4 py-2 font-medium">Short link</th>
              <th scope="col" className="px-4 py-2 font-medium">Title and tags</th>
              <th scope="col" className="px-4 py-2 font-medium">Check</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map((r) => (
              <tr key={r.row} className={cn("align-top", !r.ok && "bg-red-50/60")} data-testid="import-row" data-row={r.row}>
                <td className="px-4 py-3 tabular-nums text-zinc-600">{r.row}</td>
                <td className="px-4 py-3 text-zinc-900 break-words">{breakable(r.link?.url)}</td>
                <td className="px-4 py-3 text-zinc-700 break-words">{breakable(shortLink(r))}</td>
                <td className="px-4 py-3 text-zinc-700 break-words">
                  {r.link?.title}
                  {r.link?.tags.length ? <span className="block text-xs text-zinc-500">{r.link.tags.join(", ")}</span> : null}
                </td>
                <td className="px-4 py-3">
                  <RowErrors row={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="divide-y divide-zinc-100 md:hidden">
        {rows.map((r) => (
          <li key={r.row} className={cn("space-y-1 px-5 py-3 text-sm", !r.ok && "bg-red-50/60")} data-testid="import-row-card" data-row={r.row}>
            <p className="text-xs font-medium text-zinc-500">Row {r.row}</p>
            <p className="break-words text-zinc-900">{r.link?.url ? breakable(r.link.url) : <em className="text-zinc-600">no destination</em>}</p>
            <p className="break-words text-zinc-600">
              {breakable(shortLink(r))}
              {r.link?.title ? ` · ${r.link.title}` : ""}
            </p>
            <RowErrors row={r} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The documented columns and a template to start from. */
export function ImportColumnsHelp({ columns, template, tagSeparator }: { columns: { name: string; help: string; required: boolean }[]; template: string; tagSeparator: string }) {
  return (
    <Card>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <CardTitle>Columns</CardTitle>
          <CardDescription>
            Header names are not case-sensitive and may come in any order. Only <code>url</code> is required. Separate tags with{" "}
            <code>{tagSeparator}</code>. Files exported from Pennant import as they are (short_url, clicks, created_at and status are ignored).
          </CardDescription>
        </div>
        <Button asChild variant="secondary" size="sm" className="shrink-0">
          <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(template)}`} download="pennant-links-template.csv">
            Download template
          </a>
        </Button>
      </div>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
        {columns.map((c) => (
          <div key={c.name} className="contents">
            <dt className="font-mono text-xs leading-5 text-zinc-900">
              {c.name}
              {c.required && <span className="ml-1 font-sans text-red-700">required</span>}
            </dt>
            <dd className="mb-2 text-zinc-600 sm:mb-0">{c.help}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
