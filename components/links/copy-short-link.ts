"use client";

import { toast } from "sonner";

/** Copies a short link and says so; a refused clipboard still shows the link. */
export async function copyShortLink(shortUrl: string, prefix = "Short link copied"): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(shortUrl);
    toast.success(`${prefix}: ${shortUrl}`);
    return true;
  } catch {
    toast.message(`Short link: ${shortUrl}`, { description: "The browser did not let us copy it; use the copy button next to the link." });
    return false;
  }
}
