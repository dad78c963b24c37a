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

export const qrActions: QrActions = {
  save: saveQrDesignAction,
  uploadLogo: uploadQrLogoAction,
  removeLogo: removeQrLogoAction,
  uploadWorkspaceLogo: uploadWorkspaceQrLogoAction,
  removeWorkspaceLogo: removeWorkspaceQrLogoAction,
  savePreset: saveQrPresetAction,
  deletePreset: deleteQrPresetAction,
};
