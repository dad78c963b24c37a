/**
 * The one permission map. Every page, server action and API route asks
 * `can(role, permission)` through the auth wrapper (lib/auth/access.ts).
 */
export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "workspace.read",
  "workspace.update",
  "workspace.delete",
  "members.read",
  "members.manage",
  "invitations.manage",
  "api_keys.manage",
  "domains.manage",
  "channels.manage",
  "links.read",
  "links.write",
  "campaigns.read",
  "campaigns.write",
  "qr.read",
  "qr.write",
  "bio.read",
  "bio.write",
  "analytics.read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ["workspace.read", "members.read", "links.read", "campaigns.read", "qr.read", "bio.read", "analytics.read"];
const WRITE: Permission[] = ["links.write", "campaigns.write", "qr.write", "bio.write"];
const ADMIN: Permission[] = ["workspace.update", "members.manage", "invitations.manage", "api_keys.manage", "domains.manage", "channels.manage"];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(READ),
  member: new Set([...READ, ...WRITE]),
  admin: new Set([...READ, ...WRITE, ...ADMIN]),
  owner: new Set([...READ, ...WRITE, ...ADMIN, "workspace.delete"]),
};

export const ROLE_LABELS: Record<Role, { label: string; description: string }> = {
  owner: { label: "Owner", description: "Everything, including deleting the workspace and managing owners." },
  admin: { label: "Admin", description: "Manage members, invitations, API keys, domains and channels, plus all content." },
  member: { label: "Member", description: "Create and edit links, campaigns, QR codes and bio pages." },
  viewer: { label: "Viewer", description: "See links, campaigns and analytics; change nothing." },
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Owners may grant any role; admins may grant any role but owner. */
export function canAssignRole(actor: Role, target: Role): boolean {
  if (actor === "owner") return true;
  return actor === "admin" && target !== "owner";
}
