import { escapeHtml } from "@/lib/redirect/pages";

export { escapeHtml };

const LINK = /\[([^\]\n]{1,200})\]\(((?:https?:\/\/|mailto:)[^\s()<>"]{1,2000})\)/g;

function emphasis(raw: string): string {
  // Escape first, then mark up: the markers * and _ never come from escaping.
  return escapeHtml(raw)
    .replace(/\*\*([^*\n]+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*\w])\*([^*\n]+?)\*(?!\w)/g, "$1<em>$2</em>")
    .replace(/(^|[^_\w])_([^_\n]+?)_(?!\w)/g, "$1<em>$2</em>");
}

/**
 * The Markdown subset of text blocks: **strong**, *emphasis* / _emphasis_,
 * [links](https://…) (http, https and mailto only) and line breaks. Anything
 * else is shown as the characters typed.
 */
export function renderMarkdown(src: string): string {
  let out = "";
  let last = 0;
  for (const m of src.matchAll(LINK)) {
    out += emphasis(src.slice(last, m.index));
    let href: string | null = null;
    try {
      const u = new URL(m[2]!);
      if (u.protocol === "http:" || u.protocol === "https:" || u.protocol === "mailto:") href = u.href;
    } catch {
      href = null;
    }
    out += href ? `<a href="${escapeHtml(href)}" rel="noopener nofollow">${emphasis(m[1]!)}</a>` : emphasis(m[0]);
    last = m.index + m[0].length;
  }
  out += emphasis(src.slice(last));
  return out.replace(/\r?\n/g, "<br>");
}
