"use client";

import { cloneElement, isValidElement, lazy, Suspense, useState, type FocusEvent, type MouseEvent, type ReactElement } from "react";

import type { ConfirmContent } from "./confirm-dialog-body";

// The dialog (Radix AlertDialog) loads when a trigger is hovered, focused or
// pressed: a page with a Delete button in every row pays for the button only.
const loadBody = () => import("./confirm-dialog-body");
const ConfirmDialogBody = lazy(loadBody);

interface Props extends ConfirmContent {
  /** The button that opens the dialog (one element; its own handlers still run). */
  trigger: React.ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

type TriggerProps = {
  onClick?: (e: MouseEvent<HTMLElement>) => void;
  onFocus?: (e: FocusEvent<HTMLElement>) => void;
  onPointerEnter?: (e: React.PointerEvent<HTMLElement>) => void;
};

/** Destructive confirmation: Esc and Cancel close it; focus stays inside, then returns to the trigger. */
export function ConfirmDialog({ trigger, open, onOpenChange, ...body }: Props) {
  const [ownOpen, setOwnOpen] = useState(false);
  const [used, setUsed] = useState(false);
  // The element that opened the dialog: focus returns there on close.
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  const isOpen = open ?? ownOpen;
  if (isOpen && !used) setUsed(true);
  const change = (next: boolean) => {
    if (open === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  };
  const t = isValidElement<TriggerProps>(trigger)
    ? cloneElement(trigger as ReactElement<TriggerProps & { "aria-haspopup"?: string; "aria-expanded"?: boolean }>, {
        "aria-haspopup": "dialog",
        "aria-expanded": isOpen,
        onClick: (e: MouseEvent<HTMLElement>) => {
          trigger.props.onClick?.(e);
          if (e.defaultPrevented) return;
          // Mouse, Enter and Space all land here.
          setOpener(e.currentTarget);
          change(true);
        },
        onFocus: (e: FocusEvent<HTMLElement>) => {
          trigger.props.onFocus?.(e);
          void loadBody();
        },
        onPointerEnter: (e: React.PointerEvent<HTMLElement>) => {
          trigger.props.onPointerEnter?.(e);
          void loadBody();
        },
      })
    : trigger;
  return (
    <>
      {t}
      {used && (
        <Suspense fallback={null}>
          <ConfirmDialogBody open={isOpen} onOpenChange={change} returnFocus={opener} {...body} />
        </Suspense>
      )}
    </>
  );
}
