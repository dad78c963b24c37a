"use client";

import Link from "next/link";
import { AlertTriangle, BarChart3, ClipboardCopy, Download, OctagonX, RotateCcw, Save } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QrPreview } from "./qr-preview";
import type { QrDesignerState } from "./use-qr-designer";

const SIZES = [512, 1024, 2048, 4096] as const;
const printWidth = (px: number) => `${((px / 300) * 2.54).toFixed(1)} cm at 300 dpi`;

/** The designer's side column: the live preview, what it encodes, the guard's verdict, save and downloads. */
export function DesignerPanel({ qr, scans, locale, analyticsHref, canWrite }: { qr: QrDesignerState; scans: number; locale: string; analyticsHref: string; canWrite: boolean }) {
  const { design, patch, preview, target, check, problems, blocked, dirty, stored, saving, busy, ratio, ready } = qr;
  // The server draws and checks every download and save itself: neither waits for the encoder here.
  const canDownload = !blocked;
  const dims = (px: number) => `${px} × ${Math.round(px * ratio)} px`;
  return (
    <section aria-label="Preview" className="order-first lg:order-none lg:sticky lg:top-20">
      <Card className="space-y-4">
        {ready ? (
          <QrPreview svg={preview.svg} error={preview.error} transparent={design.bg === "transparent"} label={`Preview of the QR code for ${target}`} />
        ) : (
          <div className="flex aspect-square items-center justify-center rounded-lg border border-zinc-200 bg-zinc-50 text-sm text-zinc-600">Drawing the preview…</div>
        )}
        <dl className="space-y-2 text-sm">
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">Encodes</dt>
            <dd className="mt-0.5 break-all font-mono text-zinc-900" data-testid="qr-target">
              {target}
            </dd>
          </div>
          <div className="flex items-baseline justify-between gap-2">
            <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">Scans so far</dt>
            <dd className="text-lg font-semibold tabular-nums text-zinc-900" data-testid="qr-scans">
              {scans.toLocaleString(locale)}
            </dd>
          </div>
        </dl>
        <p className="-mt-2">
          <Link href={analyticsHref} prefetch={false} className="inline-flex items-center gap-1 text-sm font-medium text-accent-700 hover:underline" data-testid="qr-analytics">
            <BarChart3 aria-hidden className="size-4" /> Scan analytics
          </Link>
        </p>

        {blocked && (
          <div role="alert" data-testid="qr-errors" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            <p className="flex items-center gap-1.5 font-medium">
              <OctagonX aria-hidden className="size-4 shrink-0" /> This code would not scan
            </p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {problems.map((e) => (
                <li key={e.code}>{e.message}</li>
              ))}
            </ul>
            <p className="mt-1.5 text-red-700">Fix this to save or download it.</p>
          </div>
        )}
        {/* Always in the page, so a warning that appears is announced. */}
        <div role="status" aria-live="polite">
          {check.warnings.length > 0 && (
            <div data-testid="qr-warnings" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
              <p className="flex items-center gap-1.5 font-medium">
                <AlertTriangle aria-hidden className="size-4 shrink-0" /> Check before printing
              </p>
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {check.warnings.map((w) => (
                  <li key={w.code}>{w.message}</li>
                ))}
              </ul>
            </div>
          )}
        </div>

        <div className="space-y-2 border-t border-zinc-100 pt-4">
          {canWrite && (
            <div className="flex gap-2">
              <Button onClick={qr.save} pending={saving || blocked || (stored && !dirty)} className="flex-1">
                <Save aria-hidden className="size-4" /> {saving ? "Saving…" : stored && !dirty ? "Saved" : "Save design"}
              </Button>
              {dirty && (
                <Button variant="ghost" onClick={() => qr.setDesign(qr.saved)} aria-label="Undo unsaved changes" title="Undo unsaved changes">
                  <RotateCcw aria-hidden className="size-4" />
                </Button>
              )}
            </div>
          )}
          <p className="pt-1 text-xs font-medium uppercase tracking-wide text-zinc-500">Download</p>
          <div className="grid grid-cols-2 gap-2">
            <Button variant="secondary" onClick={() => void qr.download("png")} pending={!canDownload || busy !== null} aria-label="Download PNG" title="Download PNG">
              <Download aria-hidden className="size-4" /> {busy === "png" ? "Preparing…" : "PNG"}
            </Button>
            <Button variant="secondary" onClick={() => void qr.download("svg")} pending={!canDownload || busy !== null} aria-label="Download SVG" title="Download SVG (vector)">
              <Download aria-hidden className="size-4" /> {busy === "svg" ? "Preparing…" : "SVG"}
            </Button>
          </div>
          <Button variant="ghost" onClick={() => void qr.copy()} pending={!canDownload || busy !== null} className="w-full aria-disabled:text-zinc-500 aria-disabled:hover:bg-transparent">
            <ClipboardCopy aria-hidden className="size-4" /> {busy === "copy" ? "Copying…" : "Copy image"}
          </Button>
          <label className="flex items-center justify-between gap-3 pt-1 text-sm">
            <span className="font-medium text-zinc-800">PNG size</span>
            <select
              data-testid="qr-size"
              value={design.size}
              onChange={(e) => patch({ size: Number(e.target.value) })}
              className="h-9 rounded-lg border border-zinc-300 bg-white px-2 text-sm focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600"
            >
              {(SIZES as readonly number[]).includes(design.size) ? null : <option value={design.size}>{dims(design.size)}</option>}
              {SIZES.map((s) => (
                <option key={s} value={s}>
                  {dims(s)}
                </option>
              ))}
            </select>
          </label>
          <p className="text-xs text-zinc-500">
            {design.size} px wide prints {printWidth(design.size)}
            {ratio !== 1 ? "; the frame's call to action adds to the height" : ""}. SVG is vector: any size.
          </p>
        </div>
      </Card>
    </section>
  );
}
