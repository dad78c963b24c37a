// The designer's heavy part, loaded after the page: the QR encoder and the
// glyph outlines of the call to action (the guard checks its characters).
export { renderQrSvg } from "@/lib/qr/render-svg";
export { checkQrDesign, effectiveLevel } from "@/lib/qr/guard";
