import type { SocialNetwork } from "./schemas";

/**
 * Simple monochrome glyphs for the social row, drawn for Pennant on a 24×24
 * grid with a 2-unit stroke (a few parts filled): recognisable at 24 px, not
 * the networks' own artwork. Each is decorative; the link carries the name.
 */
const GLYPHS: Record<SocialNetwork, string> = {
  instagram: `<rect x="3" y="3" width="18" height="18" rx="5"/><circle cx="12" cy="12" r="4"/><circle cx="17.5" cy="6.5" r="1" class="f"/>`,
  tiktok: `<path d="M14 3v11.5a3.5 3.5 0 1 1-3.5-3.5"/><path d="M14 3c.4 2.6 2.4 4.6 5 5"/>`,
  x: `<path d="M4 4l16 16M20 4L4 20"/>`,
  youtube: `<rect x="2.5" y="5.5" width="19" height="13" rx="4"/><path d="M10 9.2v5.6l4.8-2.8z" class="f"/>`,
  facebook: `<path d="M15.5 3.5H13a3.5 3.5 0 0 0-3.5 3.5v14M6.5 10.5h8"/>`,
  linkedin: `<rect x="3" y="3" width="18" height="18" rx="3"/><path d="M8 10.5V17M8 7v.01M12 17v-6.5M12 13.5a2.5 2.5 0 0 1 5 0V17"/>`,
  xing: `<path d="M5.5 7.5l2 3.5-2.5 4.5M17.5 3l-5.5 9.5 4 8"/>`,
  threads: `<path d="M16 12a4 4 0 1 1-1.2-2.9M16 8.5v4.5a2.5 2.5 0 0 0 5 0V12a9 9 0 1 0-3.6 7.2"/>`,
  pinterest: `<circle cx="12" cy="12" r="9"/><path d="M11 21l2.2-9.5M9.6 14.6c.6.6 1.4.9 2.4.9 2.5 0 4-2 4-4.5S14.2 7 12 7s-4.5 1.6-4.5 4c0 .9.3 1.7.7 2.2"/>`,
  whatsapp: `<path d="M3.5 20.5l1.4-4.2a8.5 8.5 0 1 1 3 2.9z"/><path d="M9 8.5c0 3.5 3 6.5 6.5 6.5l.8-1.8-2-1-.9.9a4.5 4.5 0 0 1-2.5-2.5l.9-.9-1-2z" class="f"/>`,
  telegram: `<path d="M21 4L3 11.2l6 2.3M21 4l-3.2 16-8.8-6.5M21 4L9 13.5V19l3-3.2"/>`,
  snapchat: `<path d="M12 3.5c2.8 0 4.8 2 4.8 4.8v2.4l1.9-.6-.4 1.6-1.7.8c.7 1.9 2 3.1 3.4 3.6-.6.7-1.9.9-2.6 1.1l-.4 1.3-1.9-.2c-1 .2-1.7 1.7-3.1 1.7s-2.1-1.5-3.1-1.7l-1.9.2-.4-1.3c-.7-.2-2-.4-2.6-1.1 1.4-.5 2.7-1.7 3.4-3.6l-1.7-.8-.4-1.6 1.9.6V8.3C7.2 5.5 9.2 3.5 12 3.5z"/>`,
  reddit: `<ellipse cx="12" cy="14.5" rx="8" ry="5.5"/><path d="M12 9l1.2-5.5 4.3 1M9 14v.01M15 14v.01M9.5 17c1.5.9 3.5.9 5 0"/><circle cx="18.5" cy="4.5" r="1.5"/>`,
  mastodon: `<path d="M20 11.5c0 4.8-3 6.3-7.5 6.5-1.6 0-3.2-.2-4.3-.6.2 1.8 1.8 2.8 4.2 2.8 1.1 0 2.1-.1 3.1-.4M4 13.5V9c0-4 2.7-6 8-6s8 2 8 6v2.5M8 14V9.8a2 2 0 0 1 4 0V12a2 2 0 0 1 4 0v2"/>`,
  bluesky: `<path d="M12 11C10.2 7.5 6.6 4.2 4.2 4.2c-1 0-1.2 1.3-1.2 2.6 0 1.7.6 4.1 3.8 4.4-2.8.6-3.3 2.7-1.6 4.4 2 2 4 1.2 5.2-1.4zM12 11c1.8-3.5 5.4-6.8 7.8-6.8 1 0 1.2 1.3 1.2 2.6 0 1.7-.6 4.1-3.8 4.4 2.8.6 3.3 2.7 1.6 4.4-2 2-4 1.2-5.2-1.4z"/>`,
  email: `<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3.5 6.5L12 13l8.5-6.5"/>`,
  website: `<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3z"/>`,
};

/** The network's glyph as inline SVG, hidden from assistive technology (the link is named instead). */
export function socialIconSvg(network: SocialNetwork): string {
  return `<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">${GLYPHS[network]}</svg>`;
}
