"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { normalizeHex } from "./colour";


interface ColourFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (hex: string) => void;
  disabled?: boolean;
  children?: React.ReactNode;
}

/** A colour picker with its hex code beside it; a half-typed code waits until it is whole. */
export function ColourField({ id, label, value, onChange, disabled, children }: ColourFieldProps) {
  const [text, setText] = useState(value);
  const [last, setLast] = useState(value);
  if (value !== last) {
    // Changed from outside (a preset, a reset): show the new code.
    setLast(value);
    setText(value);
  }
  const invalid = normalizeHex(text) === null;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={`Colour picker: ${label.toLowerCase()}`}
          value={normalizeHex(value) ?? "#000000"}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value.toLowerCase())}
          className="h-10 w-12 shrink-0 cursor-pointer rounded-lg border border-zinc-300 bg-white p-1 disabled:cursor-not-allowed disabled:opacity-60"
        />
        <input
          id={id}
          type="text"
          inputMode="text"
          spellCheck={false}
          autoComplete="off"
          value={text}
          disabled={disabled}
          maxLength={7}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            const hex = normalizeHex(e.target.value);
            if (hex) {
              setLast(hex);
              onChange(hex);
            }
          }}
          onBlur={() => setText(value)}
          className="block h-10 w-full min-w-0 rounded-lg border border-zinc-300 bg-white px-3 font-mono text-sm uppercase text-zinc-900 focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600 aria-invalid:border-red-500 disabled:bg-zinc-50 disabled:text-zinc-500"
        />
      </div>
      {invalid && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          Use a hex colour such as #1f2937.
        </p>
      )}
      {children}
    </div>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  icon?: React.ReactNode;
}

/** A segmented radio group: one click per choice, arrow keys move between them. */
export function ChoiceGroup<T extends string>({ legend, name, value, choices, onChange, className }: { legend: string; name: string; value: T; choices: Choice<T>[]; onChange: (v: T) => void; className?: string }) {
  return (
    <fieldset className={className}>
      <legend className="text-sm font-medium text-zinc-800">{legend}</legend>
      <div className="mt-1.5 grid gap-1 rounded-lg bg-zinc-100 p-1" style={{ gridTemplateColumns: `repeat(${choices.length}, minmax(0, 1fr))` }}>
        {choices.map((c) => (
          <label
            key={c.value}
            className={cn(
              "flex min-w-0 cursor-pointer items-center justify-center gap-1 rounded-md px-1 py-1.5 text-sm sm:gap-1.5 sm:px-2 text-zinc-600 transition-colors hover:text-zinc-900",
              "has-[:checked]:bg-white has-[:checked]:font-medium has-[:checked]:text-zinc-900 has-[:checked]:shadow-sm",
              "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-600 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60",
            )}
          >
            <input type="radio" name={name} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} className="sr-only" />
            {c.icon}
            <span className="truncate">{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A slider with its value written beside the label. */
export function RangeField({ id, label, value, display, min, max, step, onChange, hint }: { id: string; label: string; value: number; display: string; min: number; max: number; step: number; onChange: (v: number) => void; hint?: string }) {
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-zinc-800">
          {label}
        </label>
        <output htmlFor={id} className="text-sm tabular-nums text-zinc-600">
          {display}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={display}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(Number(e.target.value))}
        className="w-full accent-accent-600 disabled:opacity-60"
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Small pictures of the module and corner styles. */
export function StyleIcon({ kind }: { kind: "square" | "rounded" | "dots" }) {
  const cells = [
    [0, 0],
    [2, 0],
    [0, 2],
    [2, 2],
  ];
  return (
    <svg aria-hidden viewBox="0 0 4 4" className="size-3.5 shrink-0 fill-current">
      {cells.map(([x, y]) =>
        kind === "dots" ? <circle key={`${x}${y}`} cx={(x ?? 0) + 0.9} cy={(y ?? 0) + 0.9} r={0.85} /> : <rect key={`${x}${y}`} x={x} y={y} width={1.8} height={1.8} rx={kind === "rounded" ? 0.55 : 0} />,
      )}
    </svg>
  );
}
