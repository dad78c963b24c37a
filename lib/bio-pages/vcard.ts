import type { BioBlock } from "./schemas";

/** vCard 3.0 text values escape backslash, comma, semicolon and newlines. */
const v = (s: string) => s.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");

/** A contact block as a vCard the visitor's phone can save. */
export function vcardOf(block: Extract<BioBlock, { type: "contact" }>, fallbackName: string): string {
  const name = block.name ?? fallbackName;
  const lines = ["BEGIN:VCARD", "VERSION:3.0", `FN:${v(name)}`, `N:${v(name)};;;;`];
  if (block.email) lines.push(`EMAIL;TYPE=INTERNET:${v(block.email)}`);
  if (block.phone) lines.push(`TEL;TYPE=CELL:${v(block.phone)}`);
  lines.push("END:VCARD");
  return lines.join("\r\n") + "\r\n";
}
