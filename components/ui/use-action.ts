"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * Runs a server action from a form: keeps its pending state, the field errors
 * to show next to each input, and toasts the outcome.
 */
export function useAction<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  opts: {
    success?: string | ((data: T) => string | undefined);
    onSuccess?: (data: T) => void;
    onError?: (error: { message: string; fields?: Record<string, string> }) => void;
    /** False when the component shows every error itself, next to what failed (no toast). */
    toastErrors?: boolean;
  } = {},
) {
  const [pending, startTransition] = useTransition();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();

  function run(input: I) {
    startTransition(async () => {
      setFields({});
      setError(undefined);
      const result = await action(input);
      if (!result.ok) {
        setFields(result.error.fields ?? {});
        setError(result.error.message);
        if (!result.error.fields && opts.toastErrors !== false) toast.error(result.error.message);
        opts.onError?.(result.error);
        return;
      }
      const message = typeof opts.success === "function" ? opts.success(result.data) : opts.success;
      if (message) toast.success(message);
      opts.onSuccess?.(result.data);
    });
  }

  return { run, pending, fields, error };
}
