"use client";

import Link from "next/link";
import * as Dialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { RefObject } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import type { Filter, LinkFilterValues } from "./link-filters";

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The Filters button, where focus returns on close. */
  returnFocus: RefObject<HTMLElement | null>;
  fields: Filter[];
  values: LinkFilterValues;
  clearHref: string;
  onApply: (next: LinkFilterValues) => void;
}

/** Phone: every filter and the sort in one sheet, applied together. Loaded lazily by LinkFilters. */
export default function LinkFilterSheet({ open, onOpenChange, returnFocus, fields, values, clearHref, onApply }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-900/40" />
        <Dialog.Content
          className="fixed inset-x-0 bottom-0 z-50 max-h-[85dvh] overflow-y-auto rounded-t-2xl bg-white p-5 shadow-xl"
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            returnFocus.current?.focus();
          }}
        >
          <form method="get"
            onSubmit={(e) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              onApply(Object.fromEntries(fields.map((f) => [f.key, String(data.get(f.key) ?? "")])));
            }}
            className="space-y-4"
          >
            <div className="flex items-center justify-between">
              <Dialog.Title className="text-lg font-semibold">Filters</Dialog.Title>
              <Dialog.Close asChild>
                <Button variant="ghost" size="sm" aria-label="Close filters">
                  <X aria-hidden className="size-4" />
                </Button>
              </Dialog.Close>
            </div>
            <Dialog.Description className="sr-only">Choose filters, then show the links that match.</Dialog.Description>
            {fields.map((f) => {
              const label = f.label.replace("Filter by ", "");
              return (
                <SelectField key={f.key} id={`sheet-${f.key}`} name={f.key} label={label[0]!.toUpperCase() + label.slice(1)} defaultValue={values[f.key] ?? (f.key === "sort" ? "createdAt" : "")}>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </SelectField>
              );
            })}
            <div className="flex gap-2 pt-2">
              <Button asChild variant="secondary" className="flex-1">
                <Link href={clearHref} onClick={() => onOpenChange(false)}>
                  Clear
                </Link>
              </Button>
              <Button type="submit" className="flex-1">
                Show links
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
