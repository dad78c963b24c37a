"use client";

import { useMemo, useState } from "react";
import { BIO_CSS } from "@/lib/bio-pages/bio-css";
import { renderBioPage } from "@/lib/bio-pages/render-page";
import type { BioBlock } from "@/lib/bio-pages/schemas";
import type { BioTheme } from "@/lib/bio-pages/themes";

const PREVIEW_CSS = BIO_CSS.replace("__INTER__", "/_bio/inter.woff2");

interface Props {
  handle: string;
  title: string;
  bio: string | null;
  avatarId: string | null;
  theme: BioTheme;
  blocks: BioBlock[];
  appUrl: string;
}

/**
 * The page as visitors will see it, drawn by the same renderer as the public
 * page, in a phone-sized frame. Sandboxed: nothing in it runs.
 */
export function BioPreview(props: Props) {
  // Scheduled blocks show as they would at the moment the editor opened.
  const [now] = useState(() => Date.now());
  const html = useMemo(
    () =>
      renderBioPage(
        { id: "preview", handle: props.handle, title: props.title || "Untitled", bio: props.bio, avatarId: props.avatarId, theme: props.theme, blocks: props.blocks },
        { appUrl: props.appUrl, now, assets: { inlineCss: PREVIEW_CSS }, preview: true },
      ).html,
    [props.handle, props.title, props.bio, props.avatarId, props.theme, props.blocks, props.appUrl, now],
  );
  return (
    <div className="mx-auto w-full max-w-[390px] rounded-[2.5rem] border-[10px] border-zinc-900 bg-zinc-900 shadow-xl">
      <iframe title="Live preview of your page" sandbox="" srcDoc={html} className="block h-[680px] w-full rounded-[1.75rem] bg-white" />
    </div>
  );
}
