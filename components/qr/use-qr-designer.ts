"use client";

import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useAction } from "@/components/ui/use-action";
import type { QrDesign } from "@/lib/qr/design-schema";
import { qrTarget } from "@/lib/qr/design-limits";
import type { QrCheck, QrIssue } from "@/lib/qr/guard";
import { qrImageUrl, type QrFormat } from "./design-query";
import { copyQrPng, fetchQrImage, saveBlob } from "./qr-export";
import type * as QrEngine from "./qr-engine";
import type { QrActions, QrLinkData } from "./types";

type Engine = typeof QrEngine;

export const sameDesign = (a: QrDesign, b: QrDesign) => (Object.keys(a) as (keyof QrDesign)[]).every((k) => a[k] === b[k]);

/**
 * Everything the QR designer knows and does: the design being edited and the
 * saved one, the logos, the guard's verdict, the live preview (drawn by the
 * encoder, which loads after the page), save, download and copy.
 */
export function useQrDesigner({ slug, data, actions, defaultDesign }: { slug: string; data: QrLinkData; actions: QrActions; defaultDesign: QrDesign }) {
  const router = useRouter();
  const linkId = data.link.id;
  const [engine, setEngine] = useState<Engine | null>(null);
  const [design, setDesign] = useState<QrDesign>(data.design);
  const [saved, setSaved] = useState<QrDesign>(data.design);
  // A link whose code was never saved shows the default design: saving it is still worth a click (it lists the code).
  const [stored, setStored] = useState(() => !sameDesign(data.design, defaultDesign));
  const [hasOwnLogo, setHasOwnLogo] = useState(data.hasOwnLogo);
  const [ownLogo, setOwnLogo] = useState(data.ownLogoDataUri);
  const [workspaceLogo, setWorkspaceLogo] = useState(data.workspaceLogoDataUri);
  const [serverOwnLogo, setServerOwnLogo] = useState(data.ownLogoDataUri);
  if (data.ownLogoDataUri !== serverOwnLogo) {
    // A refreshed page may bring the own logo's pixels (the server sends the logo the saved design draws).
    setServerOwnLogo(data.ownLogoDataUri);
    if (data.ownLogoDataUri) setOwnLogo(data.ownLogoDataUri);
  }
  const [busy, setBusy] = useState<null | "png" | "svg" | "copy">(null);

  useEffect(() => {
    let live = true;
    // The encoder (about 40 KB compressed) comes once the page has loaded, so it
    // never delays the first load; the preview fills in a moment later.
    let idle = 0;
    const load = () =>
      void import("./qr-engine").then((m) => {
        if (live) setEngine(m);
      });
    const soon = () => {
      idle = requestIdleCallback(load, { timeout: 500 });
    };
    if (document.readyState === "complete") load();
    else window.addEventListener("load", soon, { once: true });
    return () => {
      live = false;
      window.removeEventListener("load", soon);
      cancelIdleCallback(idle);
    };
  }, []);

  const saveAction = useAction((d: QrDesign) => actions.save(slug, linkId, d), {
    success: "QR code saved",
    onSuccess: () => {
      setSaved(design);
      setStored(true);
      router.refresh();
    },
  });

  const target = qrTarget(data.link.shortUrl);
  const logoDataUri = design.logo === "own" ? ownLogo : design.logo === "workspace" ? workspaceLogo : null;
  const logoAvailable = design.logo === "own" ? hasOwnLogo : design.logo === "workspace" ? workspaceLogo !== null : true;
  const hasLogo = design.logo !== "none" && logoAvailable;
  // Until the encoder has loaded, nothing is judged here (the server still checks what is saved or downloaded).
  const check: QrCheck = engine ? engine.checkQrDesign(design, { hasLogo }) : { errors: [], warnings: [], level: design.level };
  const problems: QrIssue[] = logoAvailable
    ? check.errors
    : [
        ...check.errors,
        design.logo === "own"
          ? { code: "logo_missing", message: "No logo is uploaded for this code yet: upload one, or choose None." }
          : { code: "logo_missing", message: "The workspace has no logo yet: upload one, or choose None." },
      ];
  const blocked = problems.length > 0;
  const dirty = !sameDesign(design, saved);
  // The lowest level the logo allows: lower ones are shown, but cannot be chosen.
  const minLevel = engine ? engine.effectiveLevel({ ...design, level: "L" }, hasLogo) : "L";

  // Dragging a colour picker fires many changes: the preview may lag a frame behind.
  const previewInput = useDeferredValue({ design, logoDataUri });
  const preview = useMemo(() => {
    if (!engine) return {};
    try {
      return { svg: engine.renderQrSvg({ text: target, design: previewInput.design, logoDataUri: previewInput.logoDataUri, title: `QR code for ${target}` }) };
    } catch (err) {
      return { error: err instanceof Error ? err.message : "The preview could not be drawn." };
    }
  }, [engine, target, previewInput]);
  // The real pixel size: a frame adds the call to action under the code (the viewBox says by how much).
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(preview.svg ?? "");
  const ratio = box ? Number(box[2]) / Number(box[1]) : 1;

  const patch = (p: Partial<QrDesign>) => setDesign((d) => ({ ...d, ...p }));
  const fileBase = `qr-${data.link.shortUrl.replace(/^https?:\/\//, "").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`;

  async function download(format: QrFormat) {
    setBusy(format);
    try {
      const { blob, filename } = await fetchQrImage(qrImageUrl(slug, linkId, design, format, data.link.imagePath), `${fileBase}.${format}`);
      saveBlob(blob, filename);
    } catch (err) {
      toast.error((err as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function copy() {
    setBusy("copy");
    try {
      await copyQrPng(qrImageUrl(slug, linkId, design, "png", data.link.imagePath));
      toast.success("QR code copied as an image");
    } catch (err) {
      const message = (err as Error).message;
      toast.error(/denied|not allowed|permission/i.test(message) ? "The browser did not allow copying the image. Download the PNG instead." : message);
    } finally {
      setBusy(null);
    }
  }

  function ownLogoChanged(uri: string | null) {
    setOwnLogo(uri);
    setHasOwnLogo(uri !== null);
    // The server draws no logo any more where the saved design drew the removed one.
    if (uri === null) setSaved((s) => (s.logo === "own" ? { ...s, logo: "none" } : s));
  }

  return {
    ready: engine !== null,
    design,
    setDesign,
    patch,
    saved,
    stored,
    dirty,
    target,
    check,
    problems,
    blocked,
    minLevel,
    preview,
    ratio,
    logos: { ownLogo, hasOwnLogo, workspaceLogo, ownLogoChanged, setWorkspaceLogo },
    save: () => saveAction.run(design),
    saving: saveAction.pending,
    busy,
    download,
    copy,
  };
}

export type QrDesignerState = ReturnType<typeof useQrDesigner>;
