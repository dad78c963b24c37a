"use client";

import { lazy, Suspense } from "react";
import { Card, CardTitle } from "@/components/ui/card";
import type { QrDesign } from "@/lib/qr/design-schema";
import { QR_MAX_CTA_LENGTH, QR_MAX_MARGIN } from "@/lib/qr/design-limits";
import { ChoiceGroup, ColourField, StyleIcon } from "./controls";
import type { QrActions, QrPreset } from "./types";
import type { QrDesignerState } from "./use-qr-designer";

// Uploads, confirmations and presets load after the page's first paint.
const LogoControls = lazy(() => import("./logo-controls").then((m) => ({ default: m.LogoControls })));
const PresetControls = lazy(() => import("./preset-controls").then((m) => ({ default: m.PresetControls })));

const LEVELS = [
  { value: "L", label: "L — low (recovers 7%)" },
  { value: "M", label: "M — medium (15%)" },
  { value: "Q", label: "Q — quartile (25%)" },
  { value: "H", label: "H — high (30%)" },
] as const;
const LEVEL_NAMES = { L: "L (low)", M: "M (medium)", Q: "Q (quartile)", H: "H (high)" } as const;
const LEVEL_ORDER = ["L", "M", "Q", "H"] as const;
const STYLES = (["square", "rounded", "dots"] as const).map((v) => ({ value: v, label: v === "dots" ? "Dots" : v === "rounded" ? "Rounded" : "Square", icon: <StyleIcon kind={v} /> }));

const loading = <p className="text-sm text-zinc-500">Loading…</p>;

export function ColoursSection({ qr }: { qr: QrDesignerState }) {
  const { design, patch, saved } = qr;
  return (
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
  );
}

export function ShapeSection({ qr }: { qr: QrDesignerState }) {
  const { design, patch } = qr;
  return (
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
  );
}

export function LogoSection({ qr, slug, linkId, canWrite, actions }: { qr: QrDesignerState; slug: string; linkId: string; canWrite: boolean; actions: QrActions }) {
  const { design, patch, check, minLevel, logos } = qr;
  const levelRaised = check.level !== design.level;
  return (
    <Card className="space-y-5">
      <CardTitle>Logo</CardTitle>
      <Suspense fallback={loading}>
        <LogoControls
          design={design}
          onChange={patch}
          ownLogo={logos.ownLogo}
          hasOwnLogo={logos.hasOwnLogo}
          workspaceLogo={logos.workspaceLogo}
          canManageWorkspaceLogo={canWrite}
          uploadOwn={(form) => actions.uploadLogo(slug, linkId, form)}
          removeOwn={() => actions.removeLogo(slug, linkId)}
          uploadWorkspace={(form) => actions.uploadWorkspaceLogo(slug, form)}
          removeWorkspace={() => actions.removeWorkspaceLogo(slug)}
          onOwnLogo={logos.ownLogoChanged}
          onWorkspaceLogo={logos.setWorkspaceLogo}
        />
      </Suspense>
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
  );
}

export function FrameSection({ qr }: { qr: QrDesignerState }) {
  const { design, patch } = qr;
  return (
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
  );
}

export function BrandKitSection({ qr, slug, presets, canWrite, actions }: { qr: QrDesignerState; slug: string; presets: QrPreset[]; canWrite: boolean; actions: QrActions }) {
  return (
    <Card className="space-y-4">
      <div>
        <CardTitle>Brand kit</CardTitle>
        <p className="mt-1 text-sm text-zinc-600">Presets shared by everyone in this workspace.</p>
      </div>
      <Suspense fallback={loading}>
        <PresetControls
          presets={presets}
          design={qr.design}
          canWrite={canWrite}
          blocked={qr.blocked}
          onApply={(d) => qr.setDesign({ ...d })}
          save={(name, d) => actions.savePreset(slug, name, d)}
          remove={(id) => actions.deletePreset(slug, id)}
        />
      </Suspense>
    </Card>
  );
}
