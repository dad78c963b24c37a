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
  type LinkQr,
} from "./link-qr";
export { deleteQrPreset, listQrPresets, saveQrPreset, type QrPreset } from "./qr-presets";
export { listQrCodes, type QrCodeListItem } from "./list-qr-codes";
export { renderLinkQr, type QrImage } from "./render-link-qr";
