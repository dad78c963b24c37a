import type { ActionResult } from "@/lib/actions/action-result";
import type { QrDesign } from "@/lib/qr/design-schema";

export interface QrPreset {
  id: string;
  name: string;
  design: QrDesign;
}

/** What the designer knows about the link and its logos (from getLinkQr). */
export interface QrLinkData {
  /** imagePath: where the code's images come from, when not the link's (a bio page's code: /api/v1/bio-pages/{id}/qr). */
  link: { id: string; shortUrl: string; title: string | null; imagePath?: string };
  design: QrDesign;
  /** Whether the link has an uploaded logo of its own. */
  hasOwnLogo: boolean;
  /** That logo as a data URI, when the server sent it (it sends the logo the saved design draws). */
  ownLogoDataUri: string | null;
  workspaceLogoDataUri: string | null;
  scans: number;
  /** The dashboard view of these scans (a link's QR view, or the bio page's view). */
  analyticsHref: string;
}

/** The server actions of app/w/[slug]/qr/actions.ts, handed down as props. */
export interface QrActions {
  save: (slug: string, linkId: string, design: QrDesign) => Promise<ActionResult>;
  uploadLogo: (slug: string, linkId: string, form: FormData) => Promise<ActionResult<{ dataUri: string }>>;
  removeLogo: (slug: string, linkId: string) => Promise<ActionResult>;
  uploadWorkspaceLogo: (slug: string, form: FormData) => Promise<ActionResult<{ dataUri: string }>>;
  removeWorkspaceLogo: (slug: string) => Promise<ActionResult>;
  savePreset: (slug: string, name: string, design: QrDesign) => Promise<ActionResult<QrPreset[]>>;
  deletePreset: (slug: string, id: string) => Promise<ActionResult<QrPreset[]>>;
}
