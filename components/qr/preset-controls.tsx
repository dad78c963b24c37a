"use client";

import { useState } from "react";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { QrDesign } from "@/lib/qr/design-schema";
import type { QrPreset } from "./types";

interface Props {
  presets: QrPreset[];
  design: QrDesign;
  canWrite: boolean;
  blocked: boolean;
  onApply: (design: QrDesign) => void;
  save: (name: string, design: QrDesign) => Promise<ActionResult<QrPreset[]>>;
  remove: (id: string) => Promise<ActionResult<QrPreset[]>>;
}

function Swatch({ design }: { design: QrDesign }) {
  const bg = design.bg === "transparent" ? "#ffffff" : design.bg;
  return (
    <span aria-hidden className="flex size-5 shrink-0 items-center justify-center rounded border border-zinc-300" style={{ background: bg }}>
      <span className="size-2.5 rounded-sm" style={{ background: design.fg }} />
    </span>
  );
}

/** The workspace's brand kit: saved designs applied in one click. */
export function PresetControls({ presets: initial, design, canWrite, blocked, onApply, save, remove }: Props) {
  const [presets, setPresets] = useState(initial);
  const [name, setName] = useState("");
  const [missing, setMissing] = useState<string>();
  const saveAction = useAction(({ name: n, design: d }: { name: string; design: QrDesign }) => save(n, d), {
    success: () => `Preset “${name.trim()}” saved`,
    onSuccess: (list) => {
      setPresets(list);
      setName("");
    },
  });
  const deleteAction = useAction(async (p: QrPreset) => {
    const r = await remove(p.id);
    return r.ok ? { ok: true as const, data: { list: r.data, name: p.name } } : r;
  }, {
    success: ({ name: n }) => `Preset “${n}” deleted`,
    onSuccess: ({ list }) => setPresets(list),
  });
  const pending = saveAction.pending || deleteAction.pending;
  const error = missing ?? saveAction.fields.name ?? saveAction.error;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setMissing(undefined);
    const trimmed = name.trim();
    if (!trimmed) return void setMissing("Give the preset a name, such as “Brand dark”.");
    saveAction.run({ name: trimmed, design });
  }

  const del = (p: QrPreset) => deleteAction.run(p);

  return (
    <div className="space-y-4">
      {presets.length === 0 ? (
        <p className="text-sm text-zinc-600">No presets yet. {canWrite ? "Save this design as one to reuse your colours, logo and frame on every code." : ""}</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label="Presets">
          {presets.map((p) => (
            <li key={p.id} className="flex items-center rounded-lg border border-zinc-300 bg-white">
              <button
                type="button"
                onClick={() => {
                  onApply(p.design);
                  toast.success(`Applied “${p.name}”`);
                }}
                aria-label={`Apply preset ${p.name}`}
                className="flex h-8 max-w-56 items-center gap-2 rounded-l-lg px-2.5 text-sm font-medium text-zinc-900 hover:bg-zinc-50 disabled:cursor-not-allowed disabled:text-zinc-400"
              >
                <Swatch design={p.design} />
                <span className="truncate">{p.name}</span>
              </button>
              {canWrite && (
                <ConfirmDialog
                  trigger={
                    <button type="button" aria-label={`Delete preset ${p.name}`} className="flex h-8 items-center rounded-r-lg border-l border-zinc-200 px-2 text-zinc-500 hover:bg-zinc-50 hover:text-red-700">
                      <Trash2 aria-hidden className="size-3.5" />
                    </button>
                  }
                  title={`Delete the preset “${p.name}”?`}
                  description="Codes already designed with it keep their look."
                  confirmLabel="Delete preset"
                  pending={pending}
                  onConfirm={() => del(p)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form method="post" onSubmit={submit} noValidate className="space-y-1.5">
          <label htmlFor="qr-preset-name" className="block text-sm font-medium text-zinc-800">
            Save this design as a preset
          </label>
          <div className="flex gap-2">
            <input
              id="qr-preset-name"
              value={name}
              maxLength={40}
              placeholder="Brand dark"
              onChange={(e) => setName(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "qr-preset-name-error" : undefined}
              className="block h-10 w-full min-w-0 rounded-lg border border-zinc-300 bg-white px-3 text-sm text-zinc-900 placeholder:text-zinc-400 focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600 aria-invalid:border-red-500"
            />
            <Button type="submit" variant="secondary" disabled={pending || blocked} className="shrink-0">
              Save preset
            </Button>
          </div>
          {error ? (
            <p id="qr-preset-name-error" role="alert" className="text-sm text-red-700">
              {error}
            </p>
          ) : blocked ? (
            <p className="text-sm text-zinc-500">Fix the problems with this design before saving it as a preset.</p>
          ) : null}
        </form>
      )}
    </div>
  );
}
