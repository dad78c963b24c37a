"use client";

import { ChevronRight } from "lucide-react";
import { cn } from "./cn";

interface Props {
  id: string;
  title: string;
  /** One line saying what is set inside, shown while closed ("utm_source=newsletter"). */
  summary?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  invalid?: boolean;
  children: React.ReactNode;
}

/** A section that opens: a button with aria-expanded, its content kept mounted (hidden) while closed. */
export function Disclosure({ id, title, summary, open, onOpenChange, invalid, children }: Props) {
  return (
    <section aria-labelledby={`${id}-button`} className="border-t border-zinc-200 first:border-t-0">
      <h3>
        <button
          type="button"
          id={`${id}-button`}
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => onOpenChange(!open)}
          className="flex w-full items-center gap-3 px-5 py-3.5 text-left hover:bg-zinc-50 sm:px-6"
        >
          <ChevronRight aria-hidden className={cn("size-4 shrink-0 text-zinc-500 transition-transform", open && "rotate-90")} />
          <span className="font-medium text-zinc-900">{title}</span>
          {invalid ? (
            <span className="ml-auto text-sm font-medium text-red-700">Needs a fix</span>
          ) : summary ? (
            <span className="ml-auto min-w-0 truncate text-sm text-zinc-600">{summary}</span>
          ) : null}
        </button>
      </h3>
      <div id={`${id}-panel`} hidden={!open} className="space-y-4 px-5 pb-5 pt-1 sm:px-6">
        {children}
      </div>
    </section>
  );
}
