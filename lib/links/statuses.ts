// Plain constants for client components: importing them from ./schemas would
// bring zod and the slug rules into the browser bundle.

export const REDIRECT_TYPES = [301, 302, 307, 308] as const;
export const LINK_STATUSES = ["active", "expired", "disabled", "archived"] as const;
