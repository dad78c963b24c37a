"use client";

import { useRouter } from "next/navigation";
import { Upload } from "lucide-react";
import { useState } from "react";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/action-result";

const MAX_BYTES = 2 * 1024 * 1024;

/** Upload a picture (PNG, JPEG or WebP up to 2 MB): the server re-encodes it as it does QR logos. */
export function AvatarUpload({ action }: { action: (form: FormData) => Promise<ActionResult<{ image: string }>> }) {
  const router = useRouter();
  const [tooBig, setTooBig] = useState<string>();
  const { run, pending, error, fields } = useAction(action, { success: "Picture uploaded", onSuccess: () => router.refresh() });
  const problem = tooBig ?? fields.file ?? error;
  return (
    <div className="space-y-1.5">
      <label className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-lg border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-900 hover:bg-zinc-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-600">
        <Upload aria-hidden className="size-4" />
        {pending ? "Uploading…" : "Upload a picture"}
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-label="Upload a picture"
          aria-describedby="avatar-hint"
          className="sr-only"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            setTooBig(undefined);
            if (!file) return;
            if (file.size > MAX_BYTES) return setTooBig(`That file is ${(file.size / 1024 / 1024).toFixed(1)} MB; a picture can be at most 2 MB.`);
            const form = new FormData();
            form.set("file", file);
            run(form);
          }}
        />
      </label>
      {problem ? (
        <p id="avatar-hint" role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      ) : (
        <p id="avatar-hint" className="text-xs text-zinc-500">
          PNG, JPEG or WebP up to 2 MB. We re-encode it and crop it to a square.
        </p>
      )}
    </div>
  );
}
