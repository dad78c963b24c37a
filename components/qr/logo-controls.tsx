"use client";

import { useState } from "react";
import { ImageOff, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";
import type { QrDesign } from "@/lib/qr/design-schema";
import { QR_MAX_LOGO_SIZE, QR_MIN_LOGO_SIZE } from "@/lib/qr/design-limits";
import { ChoiceGroup, RangeField } from "./controls";

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
const ACCEPT = "image/png,image/jpeg,image/webp";

interface Props {
  design: QrDesign;
  onChange: (patch: Partial<QrDesign>) => void;
  ownLogo: string | null;
  hasOwnLogo: boolean;
  workspaceLogo: string | null;
  canManageWorkspaceLogo: boolean;
  uploadOwn: (form: FormData) => Promise<ActionResult<{ dataUri: string }>>;
  removeOwn: () => Promise<ActionResult>;
  uploadWorkspace: (form: FormData) => Promise<ActionResult<{ dataUri: string }>>;
  removeWorkspace: () => Promise<ActionResult>;
  onOwnLogo: (dataUri: string | null) => void;
  onWorkspaceLogo: (dataUri: string | null) => void;
}

/** Which logo sits in the centre (none, this code's own, the workspace's), uploads, and its size. */
export function LogoControls({ design, onChange, ownLogo, hasOwnLogo, workspaceLogo, canManageWorkspaceLogo, uploadOwn, removeOwn, uploadWorkspace, removeWorkspace, onOwnLogo, onWorkspaceLogo }: Props) {
  const [tooBig, setTooBig] = useState<string>();
  const uploadAction = useAction(
    async ({ form, which }: { form: FormData; which: "own" | "workspace" }) => {
      const r = await (which === "own" ? uploadOwn(form) : uploadWorkspace(form));
      return r.ok ? { ok: true as const, data: { dataUri: r.data.dataUri, which } } : r;
    },
    {
      success: ({ which }) => (which === "own" ? "Logo uploaded" : "Workspace logo saved"),
      onSuccess: ({ dataUri, which }) => {
        if (which === "own") onOwnLogo(dataUri);
        else onWorkspaceLogo(dataUri);
        onChange({ logo: which });
      },
    },
  );
  const removeAction = useAction(
    async (which: "own" | "workspace") => {
      const r = await (which === "own" ? removeOwn() : removeWorkspace());
      return r.ok ? { ok: true as const, data: which } : r;
    },
    {
      success: (which) => (which === "own" ? "Logo removed" : "Workspace logo removed"),
      onSuccess: (which) => {
        if (which === "own") onOwnLogo(null);
        else onWorkspaceLogo(null);
        if (design.logo === which) onChange({ logo: "none" });
      },
    },
  );
  const pending = uploadAction.pending || removeAction.pending;
  const error = tooBig ?? uploadAction.error ?? removeAction.error;

  function upload(file: File | undefined, which: "own" | "workspace") {
    if (!file) return;
    setTooBig(undefined);
    if (file.size > MAX_LOGO_BYTES) {
      const mb = (file.size / 1024 / 1024).toFixed(1);
      setTooBig(`That file is ${mb} MB; a logo can be at most 2 MB. Export a smaller PNG, JPEG or WebP.`);
      return;
    }
    const form = new FormData();
    form.set("file", file);
    uploadAction.run({ form, which });
  }

  function remove(which: "own" | "workspace") {
    setTooBig(undefined);
    removeAction.run(which);
  }

  const current = design.logo === "own" ? ownLogo : design.logo === "workspace" ? workspaceLogo : null;

  return (
    <div className="space-y-4">
      <ChoiceGroup
        legend="Logo"
        name="logo"
        value={design.logo}
        onChange={(logo) => onChange({ logo })}
        choices={[
          { value: "none", label: "None" },
          { value: "own", label: "Own logo" },
          { value: "workspace", label: "Workspace" },
        ]}
      />

      {design.logo !== "none" && (
        <div className="flex items-center gap-3 rounded-lg border border-zinc-200 p-3">
          <span className="flex size-14 shrink-0 items-center justify-center overflow-hidden rounded-md border border-zinc-200 bg-[repeating-conic-gradient(#f4f4f5_0_25%,#fff_0_50%)] bg-[length:12px_12px]">
            {current ? (
              // eslint-disable-next-line @next/next/no-img-element -- a data URI of re-encoded pixels, nothing to optimise
              <img src={current} alt={design.logo === "own" ? "This code’s logo" : "Workspace logo"} className="max-h-12 max-w-12 object-contain" />
            ) : (
              <ImageOff aria-hidden className="size-5 text-zinc-400" />
            )}
          </span>
          <div className="min-w-0 flex-1 space-y-2">
            <p className="text-sm text-zinc-600">
              {design.logo === "own"
                ? current
                  ? "This code’s own logo."
                  : hasOwnLogo
                    ? "This code has its own logo; save the design to see it here."
                    : "No logo uploaded for this code yet."
                : current
                  ? "The workspace’s default logo, shared by every code that picks it."
                  : "This workspace has no default logo yet."}
            </p>
            {(design.logo === "own" || canManageWorkspaceLogo) && (
              <div className="flex flex-wrap gap-2">
                <label
                  className={cn(
                    "inline-flex h-8 cursor-pointer items-center gap-2 rounded-lg border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-900 hover:bg-zinc-50",
                    "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-600 has-[:disabled]:cursor-not-allowed has-[:disabled]:text-zinc-400",
                  )}
                >
                  <Upload aria-hidden className="size-4" />
                  {pending ? "Uploading…" : current || (design.logo === "own" && hasOwnLogo) ? "Replace" : design.logo === "own" ? "Upload logo" : "Upload workspace logo"}
                  <input
                    type="file"
                    accept={ACCEPT}
                    disabled={pending}
                    aria-label={design.logo === "own" ? "Upload logo" : "Upload workspace logo"}
                    className="sr-only"
                    onChange={(e) => {
                      upload(e.target.files?.[0], design.logo === "own" ? "own" : "workspace");
                      e.target.value = "";
                    }}
                  />
                </label>
                {hasOwnLogo && design.logo === "own" && (
                  <Button variant="ghost" size="sm" disabled={pending} onClick={() => remove("own")}>
                    Remove
                  </Button>
                )}
                {current && design.logo === "workspace" && (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" disabled={pending}>
                        Remove
                      </Button>
                    }
                    title="Remove the workspace logo?"
                    description="Codes that use the workspace logo are drawn without a logo from now on. Codes already printed keep theirs."
                    confirmLabel="Remove logo"
                    pending={pending}
                    onConfirm={() => remove("workspace")}
                  />
                )}
              </div>
            )}
          </div>
        </div>
      )}
      {error ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="logo-error">
          {error}
        </p>
      ) : (
        design.logo !== "none" && <p className="text-xs text-zinc-500">PNG, JPEG or WebP up to 2 MB. We re-encode it, so only its pixels are ever served.</p>
      )}

      {design.logo !== "none" && (
        <RangeField
          id="qr-logo-size"
          label="Logo size"
          value={design.logoSize}
          display={`${Math.round(design.logoSize * 100)}% of the width`}
          min={QR_MIN_LOGO_SIZE}
          max={QR_MAX_LOGO_SIZE}
          step={0.01}
          onChange={(logoSize) => onChange({ logoSize })}
        />
      )}
    </div>
  );
}
