/**
 * The one stylesheet of every public bio page (themes only set the variables).
 * `__INTER__` is replaced by the font's address (content-hashed on the public page).
 */
export const BIO_CSS = `@font-face{font-family:'Inter Variable';font-style:normal;font-display:swap;font-weight:100 900;src:url(__INTER__) format('woff2-variations')}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;min-height:100vh;color:var(--text);font-family:var(--font);line-height:1.5;background-color:var(--bg)}
a{color:inherit}
:focus-visible{outline:3px solid var(--text);outline-offset:3px}
.page{max-width:36rem;margin:0 auto;padding:3rem 1.25rem 2rem;display:flex;flex-direction:column;gap:1.5rem}
.profile{text-align:center;display:flex;flex-direction:column;align-items:center;gap:.5rem}
.avatar{width:96px;height:96px;border-radius:50%;object-fit:cover}
h1{font-size:1.5rem;margin:0;line-height:1.25;overflow-wrap:anywhere}
h2{font-size:1.125rem;margin:.5rem 0 0;text-align:center;overflow-wrap:anywhere}
.bio,.text{margin:0;text-align:center;overflow-wrap:anywhere;white-space:normal}
.blocks{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:.875rem}
.btn{display:flex;align-items:center;justify-content:center;gap:.75rem;width:100%;min-height:3.25rem;padding:.75rem 1rem;border-radius:var(--radius);border:2px solid var(--btn);background:var(--btn);color:var(--btn-text);font:inherit;font-weight:600;text-align:center;text-decoration:none;cursor:pointer;overflow-wrap:anywhere;transition:transform .1s}
.btn:hover{transform:translateY(-1px)}
.btn-outline .btn{background:transparent}
.btn-shadow .btn{box-shadow:4px 4px 0 var(--text)}
.thumb{width:40px;height:40px;border-radius:calc(var(--radius)/2);object-fit:cover;margin-left:-.25rem}
.image{display:block;width:100%;height:auto;border-radius:var(--radius)}
.social{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;justify-content:center;gap:.5rem}
.social a{display:inline-flex;align-items:center;justify-content:center;width:2.75rem;height:2.75rem;border-radius:999px;color:var(--text)}
.social a:hover{background:color-mix(in srgb,var(--text) 12%,transparent)}
.social .icon{width:1.5rem;height:1.5rem;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.social .icon .f{fill:currentColor;stroke:none}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.embed-play{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:.25rem;width:100%;aspect-ratio:16/9;border:2px solid var(--text);border-radius:var(--radius);background:transparent;color:var(--text);font:inherit;font-weight:600;cursor:pointer;padding:1rem}
.embed-play .play{font-size:2rem;line-height:1}
.embed-play small{font-weight:400;font-size:.8125rem}
.embed iframe{display:block;width:100%;aspect-ratio:16/9;border:0;border-radius:var(--radius)}
.contact{font-style:normal;display:flex;flex-direction:column;align-items:center;gap:.25rem;text-align:center}
.contact-name{margin:0;font-weight:600}
.subscribe{display:flex;flex-direction:column;gap:.5rem}
.subscribe label{font-size:.9375rem}
.subscribe input[type=email]{font:inherit;padding:.75rem;border-radius:calc(var(--radius)/2);border:2px solid var(--text);background:#fff;color:#111;width:100%}
.consent{display:flex;gap:.5rem;align-items:flex-start}
.consent input{margin-top:.3rem;width:1.125rem;height:1.125rem;flex:none}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.notice{margin:0;padding:.5rem .75rem;border:2px solid var(--text);border-radius:calc(var(--radius)/2);font-weight:600}
footer{text-align:center;font-size:.8125rem;margin-top:1rem}
@media (prefers-reduced-motion:reduce){.btn{transition:none}.btn:hover{transform:none}}
`;

/**
 * The only script: an embed loads its player when the visitor presses play
 * (nothing is fetched from the embed's host before).
 */
export const BIO_JS = `document.addEventListener("click",function(e){var b=e.target.closest&&e.target.closest("button[data-player]");if(!b)return;var f=document.createElement("iframe");f.src=b.getAttribute("data-player");f.title=b.getAttribute("data-title");f.allow="autoplay; encrypted-media; fullscreen; picture-in-picture";f.setAttribute("allowfullscreen","");b.parentNode.replaceChild(f,b);f.focus()});`;
