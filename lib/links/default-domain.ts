/**
 * Link.domain of the links on the app's own address. They are stored as "the
 * default domain", not as a host name, so they follow APP_URL when it changes
 * (a move from a trial address keeps every printed QR code working); links on
 * a branded domain store that domain's host. A plain module: the redirect's
 * hot path reads it too.
 */
export const DEFAULT_DOMAIN = "";
