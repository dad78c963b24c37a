"use client";

import Link from "next/link";
import { useRef } from "react";
import { CopyPlus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormAlert } from "@/components/ui/form-alert";
import type { LinkOutput } from "@/lib/links/schemas";
import { EssentialFields, LimitsSection, NotesSection, SocialSection, TargetingSection, UtmSection } from "./link-form-sections";
import type { LinkActions, Option } from "./types";
import { useLinkForm } from "./use-link-form";

interface Props {
  slug: string;
  domain: string;
  /** Every domain a new link can go on: the default first, then the workspace's own. */
  domains?: string[];
  campaigns: Option[];
  link?: LinkOutput;
  initialUrl?: string;
  actions: Pick<LinkActions, "create" | "update" | "duplicate" | "remove">;
}

/**
 * Create and edit in one form: what most links need first, every other option
 * in a section that opens (and says, while closed, what is set inside).
 */
export function LinkForm({ slug, domain, domains = [domain], campaigns, link, initialUrl, actions }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const f = useLinkForm({ slug, domain, link, initialUrl, actions, formRef });

  return (
    <form method="post" ref={formRef} onSubmit={f.submit} noValidate className="space-y-5">
      {link && (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" onClick={f.duplicate} pending={f.pending}>
            <CopyPlus aria-hidden className="size-4" /> Duplicate
          </Button>
          <ConfirmDialog
            trigger={
              <Button variant="secondary" size="sm" pending={f.pending}>
                <Trash2 aria-hidden className="size-4" /> Delete
              </Button>
            }
            title={`Delete ${link.shortUrl.replace(/^https?:\/\//, "")}?`}
            description="The short link stops working at once, and its QR codes with it. This cannot be undone."
            confirmLabel="Delete link"
            pending={f.pending}
            onConfirm={f.remove}
          />
        </div>
      )}

      <div className="rounded-xl border border-zinc-200 bg-white shadow-sm">
        <EssentialFields f={f} link={link} domain={domain} domains={domains} campaigns={campaigns} />
      </div>

      <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm">
        <h2 className="sr-only">More options</h2>
        <UtmSection f={f} />
        <LimitsSection f={f} link={link} />
        <TargetingSection f={f} />
        <SocialSection f={f} />
        <NotesSection f={f} />
      </div>

      <div data-sticky-bottom className="space-y-3 border-t border-zinc-200 pt-4 sm:sticky sm:bottom-0 sm:z-10 sm:rounded-xl sm:border sm:bg-zinc-50/95 sm:px-4 sm:py-3 sm:backdrop-blur">
        <FormAlert message={f.error} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button asChild variant="secondary">
            <Link href={f.list}>Cancel</Link>
          </Button>
          <Button type="submit" pending={f.saving}>
            {f.saving ? "Saving…" : link ? "Save changes" : "Create link"}
          </Button>
        </div>
      </div>
    </form>
  );
}
