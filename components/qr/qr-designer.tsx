"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { AlertTriangle, ClipboardCopy, Download, OctagonX, RotateCcw, Save } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import type { QrDesign } from "@/lib/qr/design";
import { QR_MAX_CTA_LENGTH, QR_MAX_MARGIN, qrTarget } from "@/lib/qr/design-limits";
import { checkQrDesign, effectiveLevel } from "@/lib/qr/guard";
import { useAction } from "@/components/ui/use-action";
import { renderQrSvg } from "@/lib/qr/render-svg";
import { ChoiceGroup, ColourField, StyleIcon } from "./controls";
import { qrImageUrl, type QrFormat } from "./design-query";
import { LogoControls } from "./logo-controls";
import { PresetControls } from "./preset-controls";
import { QrPreview } from "./qr-preview";
import { copyQrPng, fetchQrImage, saveBlob } from "./qr-export";
import type { QrActions, QrLinkData, QrPreset } from "./types";

const LEVELS = [
  { value: "L", label: "L — low (recovers 7%)" },
  { value: "M", label: "M — medium (15%)" },
  { value: "Q", label: "Q — quartile (25%)" },
  { value: "H", label: "H — high (30%)" },
] as const;
const LEVEL_NAMES = { L: "L (low)", M: "M (medium)", Q: "Q (quartile)", H: "H (high)" } as const;
const LEVEL_ORDER = ["L", "M", "Q", "H"] as const;
const SIZES = [512, 1024, 2048, 4096] as const;
const STYLES = (["square", "rounded", "dots"] as const).map((v) => ({ value: v, label: v === "dots" ? "Dots" : v === "rounded" ? "Rounded" : "Square", icon: <StyleIcon kind={v} /> }));

const sameDesign = (a: QrDesign, b: QrDesign) => (Object.keys(a) as (keyof QrDesign)[]).every((k) => a[k] === b[k]);
const printWidth = (px: number) => `${((px / 300) * 2.54).toFixed(1)} cm at 300 dpi`;

interface Props {
  slug: string;
  data: QrLinkData;
  presets: QrPreset[];
  canWrite: boolean;
  actions: QrActions;
  /** The design a code has before anyone changes it (from the server: the schema's defaults). */
  defaultDesign: QrDesign;
}

/** The QR designer: every change redraws the preview, which is the very SVG the downloads are made from. */
export function QrDesigner({ slug, data, presets, canWrite, actions, defaultDesign }: Props) {
  const router = useRouter();
  const linkId = data.link.id;
  const [design, setDesign] = useState<QrDesign>(data.design);
  const [saved, setSaved] = useState<QrDesign>(data.design);
  // A link whose code was never saved shows the default design: saving it is still worth a click (it lists the code).
  const [stored, setStored] = useState(() => !sameDesign(data.design, defaultDesign));
  const [hasOwnLogo, setHasOwnLogo] = useState(data.hasOwnLogo);
  const [ownLogo, setOwnLogo] = useState(data.ownLogoDataUri);
  const [workspaceLogo, setWorkspaceLogo] = useState(data.workspaceLogoDataUri);
  const [serverOwnLogo, setServerOwnLogo] = useState(data.ownLogoDataUri);
  if (data.ownLogoDataUri !== serverOwnLogo) {
    // A refreshed page may bring the own logo's pixels (the server sends the logo the saved design draws).
    setServerOwnLogo(data.ownLogoDataUri);
    if (data.ownLogoDataUri) setOwnLogo(data.ownLogoDataUri);
  }
  const saveAction = useAction((d: QrDesign) => actions.save(slug, linkId, d), {
    success: "QR code saved",
    onSuccess: () => {
      setSaved(design);
      setStored(true);
      router.refresh();
    },
  });
  const saving = saveAction.pending;
  const [busy, setBusy] = useState<null | "png" | "svg" | "copy">(null);

  const target = qrTarget(data.link.shortUrl);
  const logoDataUri = design.logo === "own" ? ownLogo : design.logo === "workspace" ? workspaceLogo : null;
  const logoAvailable = design.logo === "own" ? hasOwnLogo : design.logo === "workspace" ? workspaceLogo !== null : true;
  const check = checkQrDesign(design, { hasLogo: design.logo !== "none" && logoAvailable });
  const problems = logoAvailable
    ? check.errors
    : [
        ...check.errors,
        design.logo === "own"
          ? { code: "logo_missing", message: "No logo is uploaded for this code yet: upload one, or choose None." }
          : { code: "logo_missing", message: "The workspace has no logo yet: upload one, or choose None." },
      ];
  const blocked = problems.length > 0;
  const dirty = !sameDesign(design, saved);
  const canDownload = !blocked;

  // Dragging a colour picker fires many changes: the preview may lag a frame behind.
  const previewInput = useDeferredValue({ design, logoDataUri });
  const preview = useMemo(() => {
    try {
      return { svg: renderQrSvg({ text: target, design: previewInput.design, logoDataUri: previewInput.logoDataUri, title: `QR code for ${target}` }) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : "The preview could not be drawn." };
    }
  }, [target, previewInput]);

  const patch = (p: Partial<QrDesign>) => setDesign((d) => ({ ...d, ...p }));
  const shortLabel = data.link.shortUrl.replace(/^https?:\/\//, "");
  const fileBase = `qr-${shortLabel.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`;

  const save = () => saveAction.run(design);

  async function download(format: QrFormat) {
    setBusy(format);
    try {
      const { blob, filename } = await fetchQrImage(qrImageUrl(slug, linkId, design, format, data.link.imagePath), `${fileBase}.${format}`);
      saveBlob(blob, filename);
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function copy() {
    setBusy("copy");
    try {
      await copyQrPng(qrImageUrl(slug, linkId, design, "png", data.link.imagePath));
      toast.success("QR code copied as an image");
    } catch (err) {
      const message = (err as Error).message;
      toast.error(/denied|not allowed|permission/i.test(message) ? "The browser did not allow copying the image. Download the PNG instead." : message);
    } finally {
      setBusy(null);
    }
  }

  const levelRaised = check.level !== design.level;
  // The lowest level the logo allows: lower ones are shown, but cannot be chosen.
  const minLevel = effectiveLevel({ ...design, level: "L" }, design.logo !== "none" && logoAvailable);
  // The real pixel size: a frame adds the call to action under the code (the viewBox says by how much).
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(preview.svg ?? "");
  const ratio = box ? Number(box[2]) / Number(box[1]) : 1;
  const dims = (px: number) => `${px} × ${Math.round(px * ratio)} px`;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] lg:items-start">

      <fieldset disabled={!canWrite} className="min-w-0 space-y-6">
        <legend className="sr-only">Design</legend>
        {!canWrite && <p className="rounded-lg border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-600">Your role can look at and download this code, not change it.</p>}
        <Card className="space-y-5">
          <CardTitle>Colours</CardTitle>
          <div className="grid gap-5 sm:grid-cols-2">
            <ColourField id="qr-fg" label="Foreground colour" value={design.fg} onChange={(fg) => patch({ fg })} />
            <ColourField id="qr-bg" label="Background colour" value={design.bg === "transparent" ? "#ffffff" : design.bg} onChange={(bg) => patch({ bg })} disabled={design.bg === "transparent"}>
              <label className="flex items-center gap-2 pt-1 text-sm text-zinc-700">
                <input
                  type="checkbox"
                  checked={design.bg === "transparent"}
                  onChange={(e) => patch({ bg: e.target.checked ? "transparent" : saved.bg === "transparent" ? "#ffffff" : saved.bg })}
                  className="size-4 accent-accent-600"
                />
                Transparent background
              </label>
            </ColourField>
          </div>
        </Card>

        <Card className="space-y-5">
          <CardTitle>Shape</CardTitle>
          <ChoiceGroup legend="Modules" name="dots" value={design.dots} onChange={(dots) => patch({ dots })} choices={STYLES} />
          <ChoiceGroup legend="Corner markers" name="corners" value={design.corners} onChange={(corners) => patch({ corners })} choices={STYLES} />
          <div className="space-y-1.5">
            <div className="flex items-baseline justify-between gap-2">
              <label htmlFor="qr-margin" className="text-sm font-medium text-zinc-800">
                Quiet zone (margin)
              </label>
              <output htmlFor="qr-margin" className="text-sm tabular-nums text-zinc-600">
                {design.margin} {design.margin === 1 ? "module" : "modules"}
              </output>
            </div>
            <input id="qr-margin" type="range" min={0} max={QR_MAX_MARGIN} step={1} value={design.margin} onChange={(e) => patch({ margin: Number(e.target.value) })} className="w-full accent-accent-600 disabled:opacity-60" />
            <p className="text-xs text-zinc-500">Scanners need empty space around the code; 4 modules is the standard.</p>
          </div>
        </Card>

        <Card className="space-y-5">
          <CardTitle>Logo</CardTitle>
          <LogoControls
            design={design}
            onChange={patch}
            ownLogo={ownLogo}
            hasOwnLogo={hasOwnLogo}
            workspaceLogo={workspaceLogo}
            canManageWorkspaceLogo={canWrite}
            uploadOwn={(form) => actions.uploadLogo(slug, linkId, form)}
            removeOwn={() => actions.removeLogo(slug, linkId)}
            uploadWorkspace={(form) => actions.uploadWorkspaceLogo(slug, form)}
            removeWorkspace={() => actions.removeWorkspaceLogo(slug)}
            onOwnLogo={(uri) => {
              setOwnLogo(uri);
              setHasOwnLogo(uri !== null);
              // The server draws no logo any more where the saved design drew the removed one.
              if (uri === null) setSaved((s) => (s.logo === "own" ? { ...s, logo: "none" } : s));
            }}
            onWorkspaceLogo={setWorkspaceLogo}
          />
          <div className="space-y-1.5">
            <label htmlFor="qr-level" className="block text-sm font-medium text-zinc-800">
              Error correction
            </label>
            <select
              id="qr-level"
              value={check.level}
              onChange={(e) => patch({ level: e.target.value as QrDesign["level"] })}
              aria-describedby="qr-level-hint"
              className="block h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600 disabled:bg-zinc-50"
            >
              {LEVELS.map((l) => {
                const tooLow = LEVEL_ORDER.indexOf(l.value) < LEVEL_ORDER.indexOf(minLevel);
                return (
                  <option key={l.value} value={l.value} disabled={tooLow}>
                    {l.label}
                    {tooLow ? " (too low with this logo)" : ""}
                  </option>
                );
              })}
            </select>
            <p id="qr-level-hint" className={levelRaised ? "text-sm text-accent-700" : "text-xs text-zinc-500"} data-testid="qr-level-note">
              {levelRaised
                ? `${LEVEL_NAMES[check.level]} while the logo is on: it hides part of the code, and this level lets scanners rebuild it. Without the logo, ${LEVEL_NAMES[design.level]} again.`
                : "Higher levels survive dirt and damage but make the code denser."}
            </p>
          </div>
        </Card>

        <Card className="space-y-5">
          <CardTitle>Frame</CardTitle>
          <ChoiceGroup
            legend="Frame"
            name="frame"
            value={design.frame}
            onChange={(frame) => patch({ frame })}
            choices={[
              { value: "none", label: "None" },
              { value: "box", label: "Box" },
              { value: "rounded", label: "Rounded" },
            ]}
          />
          {design.frame !== "none" && (
            <div className="space-y-1.5">
              <label htmlFor="qr-cta" className="block text-sm font-medium text-zinc-800">
                Call to action
              </label>
              <input
                id="qr-cta"
                value={design.cta}
                maxLength={QR_MAX_CTA_LENGTH}
                onChange={(e) => patch({ cta: e.target.value })}
                onBlur={() => patch({ cta: design.cta.trim() })}
                aria-describedby="qr-cta-hint"
                className="block h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600"
              />
              <p id="qr-cta-hint" className="text-xs text-zinc-500">
                Under the code, up to {QR_MAX_CTA_LENGTH} characters ({QR_MAX_CTA_LENGTH - design.cta.length} left).
              </p>
            </div>
          )}
        </Card>

        <Card className="space-y-4">
          <div>
            <CardTitle>Brand kit</CardTitle>
            <p className="mt-1 text-sm text-zinc-600">Presets shared by everyone in this workspace.</p>
          </div>
          <PresetControls
            presets={presets}
            design={design}
            canWrite={canWrite}
            blocked={blocked}
            onApply={(d) => setDesign({ ...d })}
            save={(name, d) => actions.savePreset(slug, name, d)}
            remove={(id) => actions.deletePreset(slug, id)}
          />
        </Card>
      </fieldset>
      <section aria-label="Preview" className="order-first lg:order-none lg:sticky lg:top-20">
        <Card className="space-y-4">
          <QrPreview svg={preview.svg} error={preview.error} transparent={design.bg === "transparent"} label={`Preview of the QR code for ${target}`} />
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
                {data.scans.toLocaleString("en")}
              </dd>
            </div>
          </dl>

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
                <Button onClick={save} pending={saving || blocked || (stored && !dirty)} className="flex-1">
                  <Save aria-hidden className="size-4" /> {saving ? "Saving…" : stored && !dirty ? "Saved" : "Save design"}
                </Button>
                {dirty && (
                  <Button variant="ghost" onClick={() => setDesign(saved)} aria-label="Undo unsaved changes" title="Undo unsaved changes">
                    <RotateCcw aria-hidden className="size-4" />
                  </Button>
                )}
              </div>
            )}
            <p className="pt-1 text-xs font-medium uppercase tracking-wide text-zinc-500">Download</p>
            <div className="grid grid-cols-2 gap-2">
              <Button variant="secondary" onClick={() => void download("png")} pending={!canDownload || busy !== null} aria-label="Download PNG" title="Download PNG">
                <Download aria-hidden className="size-4" /> {busy === "png" ? "Preparing…" : "PNG"}
              </Button>
              <Button variant="secondary" onClick={() => void download("svg")} pending={!canDownload || busy !== null} aria-label="Download SVG" title="Download SVG (vector)">
                <Download aria-hidden className="size-4" /> {busy === "svg" ? "Preparing…" : "SVG"}
              </Button>
            </div>
            <Button variant="ghost" onClick={() => void copy()} pending={!canDownload || busy !== null} className="w-full aria-disabled:text-zinc-500 aria-disabled:hover:bg-transparent">
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
              {design.size} px wide prints {printWidth(design.size)}{ratio !== 1 ? "; the frame's call to action adds to the height" : ""}. SVG is vector: any size.
            </p>
          </div>
        </Card>
      </section>
    </div>
  );
}
