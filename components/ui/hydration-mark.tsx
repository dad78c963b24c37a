"use client";

import { useEffect } from "react";

/**
 * Marks the page interactive (`<html data-hydrated>`) once React has taken it
 * over. End-to-end tests wait for it before typing, as a person waits for a
 * page to finish loading: input typed into a form before then is reset.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "1";
  }, []);
  return null;
}
