"use client";

import { FieldShell, SelectField } from "@/components/ui/field";
import { BIO_FONTS, THEME_PRESETS, presetTheme, themeContrastErrors, type BioFont, type BioTheme } from "@/lib/bio-pages/themes";
import { cn } from "@/components/ui/cn";

function ColorField({ id, label, value, error, onChange }: { id: string; label: string; value: string; error?: string; onChange: (v: string) => void }) {
  return (
    <FieldShell id={id} label={label} error={error}>
      <div className="flex items-center gap-2">
        <input type="color" aria-label={`${label} picker`} value={value} onChange={(e) => onChange(e.target.value)} className="h-10 w-12 cursor-pointer rounded border border-zinc-300 bg-white p-1" />
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="h-10 w-28 rounded-lg border border-zinc-300 px-3 font-mono text-sm aria-invalid:border-red-500"
          maxLength={7}
        />
      </div>
    </FieldShell>
  );
}

/** The gallery, then every value of the chosen theme; colour pairs under WCAG AA are flagged at the field. */
export function ThemeControls({ theme, onChange, serverErrors }: { theme: BioTheme; onChange: (t: BioTheme) => void; serverErrors: Record<string, string> }) {
  const valid = /^#[0-9a-f]{6}$/i;
  const colorsOk = [theme.text, theme.buttonColor, theme.buttonText, theme.background.color, ...(theme.background.kind === "gradient" ? [theme.background.to] : [])].every((c) => valid.test(c));
  const errors = { ...serverErrors, ...(colorsOk ? themeContrastErrors(theme) : {}) };
  const set = (patch: Partial<BioTheme>) => onChange({ ...theme, ...patch });
  const bg = theme.background;
  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-zinc-800">Gallery</legend>
        <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
          {Object.entries(THEME_PRESETS).map(([name, p]) => {
            const back = p.background.kind === "gradient" ? `linear-gradient(${p.background.angle}deg, ${p.background.color}, ${p.background.to})` : p.background.color;
            return (
              <button
                key={name}
                type="button"
                aria-pressed={theme.preset === name}
                onClick={() => onChange(presetTheme(name))}
                className={cn("rounded-lg border p-2 text-left text-xs font-medium focus-visible:outline-2 focus-visible:outline-accent-600", theme.preset === name ? "border-accent-600 ring-2 ring-accent-600/30" : "border-zinc-200")}
              >
                <span className="mb-1.5 flex h-12 items-center justify-center rounded-md" style={{ background: back }}>
                  <span className="h-3 w-10 rounded-sm" style={{ background: p.buttonColor }} />
                </span>
                {p.label}
              </button>
            );
          })}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="theme-background-kind"
          label="Background"
          value={bg.kind === "image" ? "color" : bg.kind}
          onChange={(e) => set({ background: e.target.value === "gradient" ? { kind: "gradient", color: bg.color, to: bg.kind === "gradient" ? bg.to : bg.color, angle: 180 } : { kind: "color", color: bg.color } })}
        >
          <option value="color">Colour</option>
          <option value="gradient">Gradient</option>
        </SelectField>
        <ColorField id="theme-background" label={bg.kind === "gradient" ? "Gradient from" : "Background colour"} value={bg.color} error={errors["theme.background"]} onChange={(color) => set({ background: { ...bg, color } })} />
        {bg.kind === "gradient" && <ColorField id="theme-background-to" label="Gradient to" value={bg.to} onChange={(to) => set({ background: { ...bg, to } })} />}
        <ColorField id="theme-text" label="Text colour" value={theme.text} error={errors["theme.text"]} onChange={(text) => set({ text })} />
        <ColorField id="theme-button" label="Button colour" value={theme.buttonColor} error={errors["theme.buttonColor"]} onChange={(buttonColor) => set({ buttonColor })} />
        <ColorField id="theme-button-text" label="Button text colour" value={theme.buttonText} error={errors["theme.buttonText"]} onChange={(buttonText) => set({ buttonText })} />
        <SelectField id="theme-button-style" label="Button style" value={theme.buttonStyle} onChange={(e) => set({ buttonStyle: e.target.value as BioTheme["buttonStyle"] })}>
          <option value="fill">Filled</option>
          <option value="outline">Outline</option>
          <option value="shadow">Filled with shadow</option>
        </SelectField>
        <FieldShell id="theme-radius" label={`Corner radius: ${theme.radius}px`}>
          <input id="theme-radius" type="range" min={0} max={32} value={theme.radius} onChange={(e) => set({ radius: Number(e.target.value) })} className="w-full accent-accent-600" />
        </FieldShell>
        <SelectField id="theme-font" label="Font" value={theme.font} onChange={(e) => set({ font: e.target.value as BioFont })}>
          {Object.entries(BIO_FONTS).map(([k, f]) => (
            <option key={k} value={k}>
              {f.label}
            </option>
          ))}
        </SelectField>
      </div>
    </div>
  );
}

export function hasContrastErrors(theme: BioTheme): boolean {
  return Object.keys(themeContrastErrors(theme)).length > 0;
}
