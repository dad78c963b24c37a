"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "./button";

/** A read-only value with a copy button (invitation links, API keys). */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      toast.success("Copied to the clipboard");
    } catch {
      toast.error("Could not copy; select the text and copy it by hand.");
    }
  }
  return (
    <div className="flex gap-2">
      <input aria-label={label} readOnly value={value} data-testid={testId} onFocus={(e) => e.currentTarget.select()} className="h-10 min-w-0 flex-1 rounded-lg border border-zinc-300 bg-zinc-50 px-3 font-mono text-sm" />
      <Button variant="secondary" onClick={() => void copy()} aria-label={`Copy ${label}`}>
        <Copy aria-hidden className="size-4" /> Copy
      </Button>
    </div>
  );
}
