import "server-only";

/** The QR codes' server API, one import for the UI's server actions and the API routes. */
export {
  getLinkQr,
  getWorkspaceQrLogo,
  removeLinkQrLogo,
  removeWorkspaceQrLogo,
  saveLinkQrDesign,
  setLinkQrLogo,
  setWorkspaceQrLogo,
} from "./link-qr";
export { deleteQrPreset, listQrPresets, saveQrPreset } from "./qr-presets";
export { listQrCodes } from "./list-qr-codes";
export { renderLinkQr } from "./render-link-qr";
