"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { Button } from "./button";

/** What a confirmation says and does: shared by ConfirmDialog (./confirm-dialog.tsx) and this body. */
export interface ConfirmContent {
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  /** Extra content (e.g. a "type the name" field); confirmDisabled gates the button. */
  children?: React.ReactNode;
  confirmDisabled?: boolean;
}

interface ConfirmDialogBodyProps extends ConfirmContent {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes back when the dialog closes. */
  returnFocus: HTMLElement | null;
}

/** The dialog itself, loaded on first use by ConfirmDialog (./confirm-dialog.tsx). */
export default function ConfirmDialogBody({ open, onOpenChange, returnFocus, title, description, confirmLabel, onConfirm, pending, children, confirmDisabled }: ConfirmDialogBodyProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-zinc-900/40" />
        <AlertDialog.Content
          className="fixed left-1/2 top-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl"
          onCloseAutoFocus={(e) => {
            // No Radix trigger here: focus goes back to the button that opened the dialog, if it is still there.
            e.preventDefault();
            returnFocus?.focus();
          }}
        >
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="mt-2 text-sm text-zinc-600">{description}</div>
          </AlertDialog.Description>
          {children && <div className="mt-4">{children}</div>}
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">Cancel</Button>
            </AlertDialog.Cancel>
            <Button variant="danger" pending={pending} disabled={confirmDisabled} onClick={onConfirm}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
