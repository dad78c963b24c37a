import { describe, expect, it } from "vitest";
import { can, canAssignRole, isRole, PERMISSIONS, ROLES, type Permission } from "./permissions";

const reads: Permission[] = ["workspace.read", "members.read", "links.read", "campaigns.read", "qr.read", "bio.read", "analytics.read"];
const writes: Permission[] = ["links.write", "campaigns.write", "qr.write", "bio.write"];
const admin: Permission[] = ["workspace.update", "members.manage", "invitations.manage", "api_keys.manage", "domains.manage", "channels.manage"];

describe("role permissions", () => {
  it("lets every role read everything in the workspace", () => {
    for (const role of ROLES) for (const p of reads) expect(can(role, p), `${role} ${p}`).toBe(true);
  });

  it("keeps viewers read-only", () => {
    for (const p of [...writes, ...admin, "workspace.delete" as const]) expect(can("viewer", p), p).toBe(false);
  });

  it("lets members edit content but not manage the workspace", () => {
    for (const p of writes) expect(can("member", p), p).toBe(true);
    for (const p of [...admin, "workspace.delete" as const]) expect(can("member", p), p).toBe(false);
  });

  it("lets admins manage everything except deleting the workspace", () => {
    for (const p of [...writes, ...admin]) expect(can("admin", p), p).toBe(true);
    expect(can("admin", "workspace.delete")).toBe(false);
  });

  it("gives owners every permission there is", () => {
    for (const p of PERMISSIONS) expect(can("owner", p), p).toBe(true);
  });

  it("grants strictly more to each role up the ladder", () => {
    const count = (role: (typeof ROLES)[number]) => PERMISSIONS.filter((p) => can(role, p)).length;
    expect(count("viewer")).toBeLessThan(count("member"));
    expect(count("member")).toBeLessThan(count("admin"));
    expect(count("admin")).toBeLessThan(count("owner"));
  });
});

describe("assigning roles", () => {
  it("lets owners grant any role, admins any but owner, others none", () => {
    for (const target of ROLES) expect(canAssignRole("owner", target)).toBe(true);
    expect(canAssignRole("admin", "owner")).toBe(false);
    for (const target of ["admin", "member", "viewer"] as const) expect(canAssignRole("admin", target)).toBe(true);
    for (const actor of ["member", "viewer"] as const) for (const target of ROLES) expect(canAssignRole(actor, target)).toBe(false);
  });

  it("recognises only the four role names", () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const value of ["Owner", "superadmin", "", null, undefined, 1]) expect(isRole(value)).toBe(false);
  });
});
