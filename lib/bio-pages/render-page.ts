import { embedOf } from "./embeds";
import { escapeHtml as e, renderMarkdown } from "./markdown";
import { isShown, nextScheduleChange } from "./schedule";
import { SOCIAL_NETWORKS, type BioBlock } from "./schemas";
import { socialIconSvg } from "./social-icons";
import { SOCIAL_IMAGE, socialImageVersion } from "./social-card";
import { BIO_FONTS, type BioTheme } from "./themes";

/** A block as the public page draws it; a link button carries the address it opens. */
export type RenderBlock = BioBlock & { href?: string | null };

export interface RenderablePage {
  id: string;
  handle: string;
  title: string;
  bio: string | null;
  avatarId: string | null;
  theme: BioTheme;
  blocks: RenderBlock[];
}

export type SubscribeNotice = "ok" | "invalid" | "consent" | "limited";
const NOTICES: Record<SubscribeNotice, string> = {
  ok: "Thanks! You are on the list.",
  invalid: "That email address does not look right. Check it and try again.",
  consent: "Tick the box to agree, then subscribe.",
  limited: "Too many sign-ups from here just now. Try again in a few minutes.",
};

export interface RenderOptions {
  /** The app's public address, for absolute URLs in the meta tags. */
  appUrl: string;
  now: number;
  /** Stylesheet and script addresses (content-hashed); in the editor's preview the stylesheet is inlined instead. */
  assets: { css: string; js: string } | { inlineCss: string };
  /** An unpublished preview: noindex, and buttons open their destinations directly. */
  preview?: boolean;
  notice?: { blockId: string; kind: SubscribeNotice };
}

export interface RenderedPage {
  html: string;
  /** The <style> element's text: the server allows it in the CSP by its hash. */
  style: string;
  /** When a scheduled block next appears or disappears: render again then. */
  nextChange: number | null;
  hasEmbeds: boolean;
}

export const imageUrl = (id: string) => `/_bio/img/${id}.png`;

/** Theme values are validated (hex colours, numbers, fixed names): safe to write into CSS as they are. */
export function themeCss(theme: BioTheme): string {
  const bg = theme.background;
  const back =
    bg.kind === "gradient"
      ? `linear-gradient(${bg.angle}deg,${bg.color},${bg.to})`
      : bg.kind === "image"
        ? `linear-gradient(${bg.color}d9,${bg.color}d9),url(${imageUrl(bg.imageId)}) center/cover fixed`
        : bg.color;
  return `:root{--bg:${bg.color};--text:${theme.text};--btn:${theme.buttonColor};--btn-text:${theme.buttonStyle === "outline" ? theme.buttonColor : theme.buttonText};--radius:${theme.radius}px;--font:${BIO_FONTS[theme.font].stack}}body{background:${back}}`;
}

function blockHtml(page: RenderablePage, b: RenderBlock, opts: RenderOptions): string {
  const id = `b-${b.id}`;
  switch (b.type) {
    case "link": {
      const href = opts.preview ? (b.url ?? b.href ?? "#") : (b.href ?? b.url ?? "#");
      const thumb = b.thumbnailId ? `<img class="thumb" src="${imageUrl(b.thumbnailId)}" alt="" width="40" height="40">` : "";
      return `<li id="${id}"><a class="btn" href="${e(href)}">${thumb}<span>${e(b.label)}</span></a></li>`;
    }
    case "header":
      return `<li id="${id}"><h2>${e(b.text)}</h2></li>`;
    case "text":
      return `<li id="${id}"><p class="text">${renderMarkdown(b.text)}</p></li>`;
    case "image": {
      const img = `<img class="image" src="${imageUrl(b.imageId)}" alt="${e(b.alt)}" loading="lazy">`;
      return `<li id="${id}">${b.url ? `<a href="${e(b.url)}" rel="noopener">${img}</a>` : img}</li>`;
    }
    case "social":
      return `<li id="${id}"><ul class="social" aria-label="Profiles">${b.items
        .map((s) => {
          const name = SOCIAL_NETWORKS[s.network];
          const href = s.network === "email" ? `mailto:${s.value}` : s.value;
          return `<li><a href="${e(href)}" rel="me noopener" title="${e(name)}">${socialIconSvg(s.network)}<span class="sr">${e(name)}</span></a></li>`;
        })
        .join("")}</ul></li>`;
    case "embed": {
      const embed = embedOf(b.url);
      if (!embed) return "";
      const title = b.title ?? embed.label;
      return `<li id="${id}"><div class="embed"><button type="button" class="embed-play" data-player="${e(embed.player)}" data-title="${e(title)}"><span class="play" aria-hidden="true">▶</span><span>Play: ${e(title)}</span><small>Loads the ${e(embed.label)} only when you press play</small></button></div></li>`;
    }
    case "contact": {
      const lines = [
        b.name ? `<p class="contact-name">${e(b.name)}</p>` : "",
        b.email ? `<a href="mailto:${e(b.email)}">${e(b.email)}</a>` : "",
        b.phone ? `<a href="tel:${e(b.phone.replace(/[^+0-9]/g, ""))}">${e(b.phone)}</a>` : "",
        `<a class="vcard" href="/@${e(page.handle)}/vcard/${b.id}" download>Save contact (vCard)</a>`,
      ];
      return `<li id="${id}"><address class="contact">${lines.join("")}</address></li>`;
    }
    case "subscribe": {
      const notice = opts.notice?.blockId === b.id ? `<p class="notice${opts.notice.kind === "ok" ? "" : " error"}" role="status">${NOTICES[opts.notice.kind]}</p>` : "";
      return `<li id="${id}"><form class="subscribe" method="post" action="/@${e(page.handle)}/subscribe">${b.heading ? `<h2>${e(b.heading)}</h2>` : ""}${notice}<input type="hidden" name="block" value="${b.id}"><label for="${id}-email">Email address</label><input id="${id}-email" type="email" name="email" required autocomplete="email" maxlength="254"><label class="consent"><input type="checkbox" name="consent" required> <span>${e(b.consentText)}</span></label><div class="hp" aria-hidden="true"><label>Leave this empty <input name="website" tabindex="-1" autocomplete="off"></label></div><button class="btn" type="submit">${e(b.buttonLabel ?? "Subscribe")}</button></form></li>`;
    }
  }
}

/**
 * The public page as one HTML document: no inline script, one <style> of
 * theme variables (allowed by hash), everything user-written escaped.
 */
export function renderBioPage(page: RenderablePage, opts: RenderOptions): RenderedPage {
  const shown = page.blocks.filter((b) => isShown(b, opts.now));
  const app = opts.appUrl.replace(/\/$/, "");
  const canonical = `${app}/@${page.handle}`;
  const description = page.bio ?? `${page.title} on Pennant`;
  // Without an avatar, a preview image drawn from the page's title and colours (serve-public.ts answers it).
  const image = page.avatarId ? `${app}${imageUrl(page.avatarId)}` : `${canonical}/og.png?v=${socialImageVersion(page)}`;
  const style = themeCss(page.theme) + ("inlineCss" in opts.assets ? opts.assets.inlineCss : "");
  const hasEmbeds = shown.some((b) => b.type === "embed");
  const head = [
    `<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>${e(page.title)}</title><meta name="description" content="${e(description)}">`,
    opts.preview ? `<meta name="robots" content="noindex">` : "",
    `<link rel="canonical" href="${e(canonical)}">`,
    `<meta property="og:type" content="profile"><meta property="og:title" content="${e(page.title)}"><meta property="og:description" content="${e(description)}"><meta property="og:url" content="${e(canonical)}">`,
    `<meta property="og:image" content="${e(image)}"><meta name="twitter:image" content="${e(image)}">`,
    page.avatarId ? "" : `<meta property="og:image:width" content="${SOCIAL_IMAGE.width}"><meta property="og:image:height" content="${SOCIAL_IMAGE.height}"><meta property="og:image:alt" content="${e(page.title)}">`,
    `<meta name="twitter:card" content="${page.avatarId ? "summary" : "summary_large_image"}"><meta name="twitter:title" content="${e(page.title)}"><meta name="twitter:description" content="${e(description)}">`,
    "css" in opts.assets ? `<link rel="stylesheet" href="${opts.assets.css}">` : "",
    `<style>${style}</style>`,
    hasEmbeds && "js" in opts.assets ? `<script src="${opts.assets.js}" defer></script>` : "",
  ].join("");
  const avatar = page.avatarId ? `<img class="avatar" src="${imageUrl(page.avatarId)}" alt="" width="96" height="96">` : "";
  const body = `<main class="page"><header class="profile">${avatar}<h1>${e(page.title)}</h1>${page.bio ? `<p class="bio">${e(page.bio)}</p>` : ""}</header><ul class="blocks">${shown
    .map((b) => blockHtml(page, b, opts))
    .join("")}</ul><footer><a href="${e(app)}/">Made with Pennant</a></footer></main>`;
  const html = `<!doctype html><html lang="en"><head>${head}</head><body class="btn-${page.theme.buttonStyle}">${body}</body></html>`;
  return { html, style, nextChange: nextScheduleChange(page.blocks, opts.now), hasEmbeds };
}
