/** Cookie that remembers the workspace last opened, for /dashboard. */
export const LAST_WORKSPACE_COOKIE = "pennant_ws";
