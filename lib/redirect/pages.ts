/** The redirect's own small pages: branded, escaped, no JavaScript, no external assets. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `*{box-sizing:border-box}body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#fafafa;color:#18181b;font:16px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",sans-serif;padding:16px}
main{width:100%;max-width:420px;background:#fff;border:1px solid #e4e4e7;border-radius:14px;padding:32px;text-align:center;box-shadow:0 1px 2px rgba(0,0,0,.04)}
h1{font-size:22px;margin:12px 0 6px}p{color:#52525b;margin:0 0 16px}a{color:#4338ca;font-weight:600}
.brand{display:inline-flex;gap:6px;align-items:center;font-weight:600;color:#18181b;text-decoration:none}
form{text-align:left;margin-top:8px}label{display:block;font-size:14px;font-weight:600;margin-bottom:6px}
input{width:100%;height:42px;border:1px solid #d4d4d8;border-radius:8px;padding:0 12px;font:inherit}
input:focus{outline:2px solid #4f46e5;outline-offset:1px}button{margin-top:12px;width:100%;height:42px;border:0;border-radius:8px;background:#4f46e5;color:#fff;font:inherit;font-weight:600;cursor:pointer}
.err{color:#b91c1c;font-size:14px;margin:8px 0 0}`;

const FLAG = `<svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22"><path fill="#4f46e5" d="M5 2h2v20H5zM8 3l12 5-12 5z"/></svg>`;

function page(title: string, body: string, homeUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main><a class="brand" href="${escapeHtml(homeUrl)}">${FLAG}Pennant</a>${body}</main></body></html>`;
}

export function notFoundPage(homeUrl: string): string {
  return page(
    "Link not found",
    `<h1>This link doesn’t exist</h1><p>Check the address for typos. If someone shared it with you, ask them for a new one.</p><p><a href="${escapeHtml(homeUrl)}">Go to Pennant</a></p>`,
    homeUrl,
  );
}

/** The database did not answer and nothing was cached: come back in a moment (503). */
export function unavailablePage(homeUrl: string): string {
  return page(
    "Try again in a moment",
    `<h1>Please try again in a moment</h1><p>This link can’t be opened right now. Reload the page in a few seconds.</p><p><a href="${escapeHtml(homeUrl)}">Go to Pennant</a></p>`,
    homeUrl,
  );
}

export function expiredPage(homeUrl: string): string {
  return page(
    "Link expired",
    `<h1>This link has expired</h1><p>Whoever shared it set it to stop working. Ask them for a current link.</p><p><a href="${escapeHtml(homeUrl)}">Go to Pennant</a></p>`,
    homeUrl,
  );
}

export function passwordPage(homeUrl: string, action: string, error?: string): string {
  return page(
    "Password required",
    `<h1>This link is protected</h1><p>Enter the password you were given to continue.</p>
<form method="post" action="${escapeHtml(action)}"><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required autofocus>${
      error ? `<p class="err" role="alert">${escapeHtml(error)}</p>` : ""
    }<button type="submit">Continue</button></form>`,
    homeUrl,
  );
}

/** What link-preview crawlers see: Open Graph and Twitter card tags. */
export function previewPage(og: { title: string | null; description: string | null; image: string | null }, url: string, location: string): string {
  const meta: string[] = [];
  const add = (attr: "property" | "name", key: string, value: string | null) => {
    if (value) meta.push(`<meta ${attr}="${key}" content="${escapeHtml(value)}">`);
  };
  add("property", "og:title", og.title);
  add("property", "og:description", og.description);
  add("property", "og:image", og.image);
  add("property", "og:url", url);
  add("property", "og:type", "website");
  add("name", "twitter:card", og.image ? "summary_large_image" : "summary");
  add("name", "twitter:title", og.title);
  add("name", "twitter:description", og.description);
  add("name", "twitter:image", og.image);
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="robots" content="noindex">${meta.join("")}<title>${escapeHtml(og.title ?? "")}</title></head><body><a href="${escapeHtml(location)}">${escapeHtml(og.title ?? location)}</a></body></html>`;
}
