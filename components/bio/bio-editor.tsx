"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { ExternalLink } from "lucide-react";
import {
  deleteBioPageAction,
  discardBioDraftAction,
  publishBioPageAction,
  saveBioDraftAction,
  setBioAvatarAction,
  unpublishBioPageAction,
} from "@/app/w/[slug]/bio/actions";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FieldShell, TextField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/actions/action-result";
import { BLOCK_TYPES, type BioBlock, type BioBlockInput, type BioPageOutput } from "@/lib/bio-pages/schemas";
import type { BioTheme } from "@/lib/bio-pages/themes";
import { BLOCK_LABELS, BlockList } from "./block-list";
import type { LinkOption } from "./block-fields";
import { BioPreview } from "./bio-preview";
import { newBlock } from "./new-block";
import { ThemeControls, hasContrastErrors } from "./theme-controls";
import { uploadImage } from "./upload-image";

interface Doc {
  title: string;
  bio: string | null;
  theme: BioTheme;
  blocks: BioBlock[];
}

const docOf = (p: BioPageOutput): Doc => ({ title: p.title, bio: p.bio, theme: p.theme, blocks: p.blocks as BioBlock[] });
const avatarIdOf = (p: BioPageOutput) => (p.avatarUrl ? /([a-f0-9]{64})\.png$/.exec(p.avatarUrl)?.[1] ?? null : null);

interface Props {
  slug: string;
  page: BioPageOutput;
  canEdit: boolean;
  timeZone: string;
  appUrl: string;
  links: LinkOption[];
}

type SaveState = { kind: "saved" } | { kind: "saving" } | { kind: "error"; message: string };

/**
 * The editor: every change is saved as a draft as you go (all or nothing, so
 * a refused change keeps the last good draft), the preview follows at once,
 * and Publish makes the draft the live page.
 */
export function BioEditor({ slug, page: initial, canEdit, timeZone, appUrl, links }: Props) {
  const [page, setPage] = useState(initial);
  const [doc, setDoc] = useState<Doc>(() => docOf(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: "saved" });
  const [handle, setHandle] = useState(initial.handle);
  const [handleError, setHandleError] = useState<string>();
  const [avatarError, setAvatarError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const dirty = useRef(false);
  const saving = useRef<Promise<void> | null>(null);
  const docRef = useRef(doc);
  useEffect(() => {
    docRef.current = doc;
  }, [doc]);

  const applyFailure = (r: Extract<ActionResult<unknown>, { ok: false }>) => {
    setErrors(r.error.fields ?? {});
    setSave({ kind: "error", message: r.error.message });
  };

  const saveNow = useCallback(async () => {
    if (!dirty.current) return;
    dirty.current = false;
    const sent = docRef.current;
    setSave({ kind: "saving" });
    const r = await saveBioDraftAction(slug, initial.id, { title: sent.title, bio: sent.bio, theme: sent.theme, blocks: sent.blocks as BioBlockInput[] });
    if (!r.ok) return applyFailure(r);
    // New blocks get their ids from the server: adopt them, by position in what was sent.
    const ids = new Map(sent.blocks.map((b, i) => [b.id, (r.data.blocks[i] as BioBlock | undefined)?.id ?? b.id]));
    setDoc((d) => ({ ...d, blocks: d.blocks.map((b) => (ids.get(b.id) && ids.get(b.id) !== b.id ? { ...b, id: ids.get(b.id)! } : b)) }));
    setPage(r.data);
    setErrors({});
    setSave(dirty.current ? { kind: "saving" } : { kind: "saved" });
  }, [slug, initial.id]);

  useEffect(() => {
    if (!dirty.current) return;
    const t = setTimeout(() => {
      saving.current = saveNow();
    }, 500);
    return () => clearTimeout(t);
  }, [doc, saveNow]);

  const change = (patch: Partial<Doc>) => {
    dirty.current = true;
    setSave({ kind: "saving" });
    setDoc((d) => ({ ...d, ...patch }));
  };

  const reset = (p: BioPageOutput) => {
    setPage(p);
    setDoc(docOf(p));
    setErrors({});
    setSave({ kind: "saved" });
  };

  function run(action: () => Promise<ActionResult<BioPageOutput>>, success: string) {
    startTransition(async () => {
      await saving.current;
      await saveNow();
      const r = await action();
      if (!r.ok) {
        setErrors(r.error.fields ?? {});
        toast.error(r.error.message);
        return;
      }
      reset(r.data);
      toast.success(success);
    });
  }

  async function rename() {
    setHandleError(undefined);
    const r = await saveBioDraftAction(slug, initial.id, { handle });
    if (!r.ok) return setHandleError(r.error.fields?.handle ?? r.error.message);
    setPage(r.data);
    setHandle(r.data.handle);
    toast.success(`Your page is now at /@${r.data.handle}; the old address redirects there.`);
  }

  async function setAvatar(file: File | undefined) {
    if (!file) return;
    setAvatarError(undefined);
    const up = await uploadImage(slug, file, "avatar");
    if ("error" in up) return setAvatarError(up.error);
    const r = await setBioAvatarAction(slug, initial.id, up.id);
    if (!r.ok) return setAvatarError(r.error.message);
    setPage(r.data);
  }

  const contrastBlocked = hasContrastErrors(doc.theme);
  const status = save.kind === "saving" ? "Saving draft…" : save.kind === "error" ? "Not saved" : page.hasUnpublishedChanges ? (page.published ? "Draft saved · not published yet" : "Draft saved · never published") : "Published · up to date";

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_400px]">
      <div className="min-w-0 space-y-6">
        <Card className="sticky top-0 z-20 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <p className="text-sm font-medium text-zinc-900" role="status" aria-live="polite" data-testid="save-status">
              {status}
            </p>
            <div className="flex flex-wrap gap-x-4">
              <a href={page.url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 truncate text-sm text-accent-700 hover:underline" title={page.url}>
                {page.url.replace(/^https?:\/\//, "")} <ExternalLink aria-hidden className="size-3.5" />
              </a>
              <a href={`/api/v1/bio-pages/${initial.id}/qr?workspace=${slug}&format=png&size=1024`} download className="text-sm text-accent-700 hover:underline">
                Download QR code
              </a>
              <Link href={`/w/${slug}/bio/${initial.id}/qr`} className="text-sm text-accent-700 hover:underline">
                Design QR code
              </Link>
            </div>
          </div>
          {canEdit && (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" disabled={pending || !page.published || !page.hasUnpublishedChanges} onClick={() => run(() => discardBioDraftAction(slug, initial.id), "Back to the published version.")}>
                Discard changes
              </Button>
              <Button disabled={pending || contrastBlocked || save.kind === "error"} onClick={() => run(() => publishBioPageAction(slug, initial.id), "Published. Visitors see this version now.")} title={contrastBlocked ? "Fix the colours flagged under Theme first." : undefined}>
                {pending ? "Working…" : "Publish"}
              </Button>
            </div>
          )}
        </Card>
        {save.kind === "error" && <FormAlert message={`${save.message} Your last good draft is kept; fix the field marked below.`} />}
        {!canEdit && <FormAlert tone="success" message="You can look at this page; your role does not allow changing it." />}

        <fieldset disabled={!canEdit} className="min-w-0 space-y-6">
          <Card className="space-y-4">
            <CardTitle>Profile</CardTitle>
            <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
              <div className="flex-1">
                <TextField id="bio-handle" label="Handle" value={handle} error={handleError} onChange={(e) => setHandle(e.target.value)} hint="Changing it moves the page at once; the old address redirects until someone else takes it." />
              </div>
              <Button variant="secondary" disabled={handle === page.handle} onClick={() => void rename()} className="sm:mb-6">
                Change handle
              </Button>
            </div>
            <TextField id="bio-title" label="Display name" value={doc.title} maxLength={80} error={errors.title} onChange={(e) => change({ title: e.target.value })} />
            <FieldShell id="bio-bio" label="Bio" error={errors.bio}>
              <textarea id="bio-bio" rows={3} maxLength={300} value={doc.bio ?? ""} onChange={(e) => change({ bio: e.target.value || null })} className="block w-full rounded-lg border border-zinc-300 px-3 py-2 text-sm focus:border-accent-600 focus:outline-none focus:ring-2 focus:ring-accent-600/20" />
            </FieldShell>
            <FieldShell id="bio-avatar" label="Avatar" error={avatarError} hint="PNG, JPEG or WebP, at most 5 MB; cropped to a square.">
              <input id="bio-avatar" type="file" accept="image/png,image/jpeg,image/webp" className="text-sm" onChange={(e) => void setAvatar(e.target.files?.[0])} />
            </FieldShell>
          </Card>

          <Card className="space-y-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <CardTitle>Blocks</CardTitle>
              <span className="text-sm text-zinc-600">{doc.blocks.length} of 100</span>
            </div>
            {doc.blocks.length === 0 ? (
              <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600">No blocks yet. Add a link button below to give visitors somewhere to go.</p>
            ) : (
              <BlockList blocks={doc.blocks} errors={errors} timeZone={timeZone} slug={slug} links={links} readOnly={!canEdit} onChange={(blocks) => change({ blocks })} />
            )}
            {errors.blocks && <p className="text-sm text-red-700">{errors.blocks}</p>}
            {canEdit && (
              <div className="flex flex-wrap gap-2" role="group" aria-label="Add a block">
                {BLOCK_TYPES.map((t) => (
                  <Button key={t} variant="secondary" size="sm" disabled={doc.blocks.length >= 100} onClick={() => change({ blocks: [...doc.blocks, newBlock(t)] })}>
                    + {BLOCK_LABELS[t]}
                  </Button>
                ))}
              </div>
            )}
          </Card>

          <Card className="space-y-4">
            <CardTitle>Theme</CardTitle>
            <ThemeControls theme={doc.theme} serverErrors={errors} onChange={(theme) => change({ theme })} />
          </Card>
        </fieldset>

        {canEdit && page.published && (
          <Card className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-zinc-600">Take the page offline (visitors get “not found”) or delete it with its subscribers.</p>
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => run(() => unpublishBioPageAction(slug, initial.id), "The page is offline.")}>
                Unpublish
              </Button>
              <DeletePage slug={slug} id={initial.id} />
            </div>
          </Card>
        )}
        {canEdit && !page.published && (
          <div className="flex justify-end">
            <DeletePage slug={slug} id={initial.id} />
          </div>
        )}
      </div>
      <div className="lg:sticky lg:top-4 lg:self-start">
        <h2 className="mb-2 text-sm font-medium text-zinc-700">Live preview</h2>
        <BioPreview handle={page.handle} title={doc.title} bio={doc.bio} avatarId={avatarIdOf(page)} theme={doc.theme} blocks={doc.blocks} appUrl={appUrl} />
      </div>
    </div>
  );
}

function DeletePage({ slug, id }: { slug: string; id: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <ConfirmDialog
      trigger={<Button variant="danger">Delete page</Button>}
      title="Delete this page?"
      description="Its address answers “not found” at once, and its subscribers are deleted with it. This cannot be undone."
      confirmLabel="Delete page"
      pending={pending}
      onConfirm={() =>
        startTransition(async () => {
          const r = await deleteBioPageAction(slug, id);
          if (r && !r.ok) toast.error(r.error.message);
        })
      }
    />
  );
}
