import "server-only";
import type { QrActions } from "@/components/qr/types";
import {
  deleteQrPresetAction,
  removeQrLogoAction,
  removeWorkspaceQrLogoAction,
  saveQrDesignAction,
  saveQrPresetAction,
  uploadQrLogoAction,
  uploadWorkspaceQrLogoAction,
} from "./actions";

/** The designer's workspace-wide actions (the workspace logo, the presets): the same for a link's code and a bio page's. */
export const workspaceQrActions = {
  uploadWorkspaceLogo: uploadWorkspaceQrLogoAction,
  removeWorkspaceLogo: removeWorkspaceQrLogoAction,
  savePreset: saveQrPresetAction,
  deletePreset: deleteQrPresetAction,
} satisfies Partial<QrActions>;

export const qrActions: QrActions = {
  save: saveQrDesignAction,
  uploadLogo: uploadQrLogoAction,
  removeLogo: removeQrLogoAction,
  ...workspaceQrActions,
};
