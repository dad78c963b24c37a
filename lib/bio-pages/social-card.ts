import type { BioTheme } from "./themes";

/** The generated preview image of a page without an avatar (drawn by social-image.ts). */
export const SOCIAL_IMAGE = { width: 1200, height: 630 } as const;

export interface SocialCard {
  title: string;
  handle: string;
  theme: BioTheme;
}

/**
 * The version in the image's address: a new title, handle or theme gives a new
 * address, so link previews (which keep images for days) fetch the new one.
 * FNV-1a: this also runs in the editor's preview, where node:crypto is not.
 */
export function socialImageVersion(card: SocialCard): string {
  const text = JSON.stringify([card.title, card.handle, card.theme.background, card.theme.text, card.theme.buttonColor, card.theme.buttonText, card.theme.buttonStyle]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
