"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** A short URL, readable in full even at phone width, with a copy button. */
export function ShortLink({ url, label }: { url: string; label: string }) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      toast.success("Copied to the clipboard");
    } catch {
      toast.error("Could not copy; select the text and copy it by hand.");
    }
  }
  return (
    <div className="flex items-center gap-2">
      {/* Breaks only after a "/", so the slug stays whole on a phone. */}
      <a href={url} target="_blank" rel="noreferrer" className="min-w-0 flex-1 break-words font-mono text-sm text-accent-700 hover:underline" data-testid="short-url">
        {url.split(/(?<=\/)/).map((part, i) => (
          <span key={i}>
            {i > 0 && <wbr />}
            {part}
          </span>
        ))}
      </a>
      <Button variant="secondary" size="sm" onClick={() => void copy()} aria-label={`Copy ${label}`} className="shrink-0">
        <Copy aria-hidden className="size-4" /> <span className="hidden sm:inline">Copy</span>
      </Button>
    </div>
  );
}
