"use client";

import { fileNameFrom } from "./design-query";

/** Fetches an image from the QR API; an error answer becomes its own message. */
export async function fetchQrImage(url: string, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  const res = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The image could not be made (HTTP ${res.status}). Try again.`);
  }
  return { blob: await res.blob(), filename: fileNameFrom(res.headers.get("content-disposition"), fallbackName) };
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, filename: string) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}

/**
 * Puts the PNG on the clipboard. The ClipboardItem gets the pending fetch (not
 * the finished blob) so Safari still sees the click that asked for it.
 */
export async function copyQrPng(url: string): Promise<void> {
  if (typeof ClipboardItem === "undefined" || !navigator.clipboard?.write) throw new Error("This browser cannot copy images. Download the PNG instead.");
  const png = fetchQrImage(url, "qr.png").then(({ blob }) => (blob.type === "image/png" ? blob : new Blob([blob], { type: "image/png" })));
  await navigator.clipboard.write([new ClipboardItem({ "image/png": png })]);
}
