"use client";

import type { QrDesign } from "@/lib/qr/design-schema";
import { BrandKitSection, ColoursSection, FrameSection, LogoSection, ShapeSection } from "./designer-sections";
import { DesignerPanel } from "./designer-panel";
import type { QrActions, QrLinkData, QrPreset } from "./types";
import { useQrDesigner } from "./use-qr-designer";

interface Props {
  slug: string;
  data: QrLinkData;
  presets: QrPreset[];
  canWrite: boolean;
  actions: QrActions;
  /** The design a code has before anyone changes it (from the server: the schema's defaults). */
  defaultDesign: QrDesign;
  /** The reader's locale, for numbers. */
  locale: string;
}

/** The QR designer: every change redraws the preview, which is the very SVG the downloads are made from. */
export function QrDesigner({ slug, data, presets, canWrite, actions, defaultDesign, locale }: Props) {
  const qr = useQrDesigner({ slug, data, actions, defaultDesign });
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] lg:items-start">
      <fieldset disabled={!canWrite} className="min-w-0 space-y-6">
        <legend className="sr-only">Design</legend>
        {!canWrite && <p className="rounded-lg border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-600">Your role can look at and download this code, not change it.</p>}
        <ColoursSection qr={qr} />
        <ShapeSection qr={qr} />
        <LogoSection qr={qr} slug={slug} linkId={data.link.id} canWrite={canWrite} actions={actions} />
        <FrameSection qr={qr} />
        <BrandKitSection qr={qr} slug={slug} presets={presets} canWrite={canWrite} actions={actions} />
      </fieldset>
      <DesignerPanel qr={qr} scans={data.scans} locale={locale} analyticsHref={data.analyticsHref} canWrite={canWrite} />
    </div>
  );
}
