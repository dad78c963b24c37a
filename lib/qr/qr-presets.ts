import "server-only";
import type { WorkspaceAccess } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { qrDesignSchema } from "./design-schema";
import { qrPresetNameSchema } from "./schemas";
import { assertScannable, storedDesign } from "./stored-design";

/** The workspace's brand kit: named designs to apply in one click. */
export async function listQrPresets(access: WorkspaceAccess) {
  const rows = await db().qrDesign.findMany({
    where: { workspaceId: access.workspace.id, isPreset: true },
    select: { id: true, name: true, options: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ id: r.id, name: r.name ?? "Preset", design: storedDesign(r.options) }));
}
export type QrPreset = Awaited<ReturnType<typeof listQrPresets>>[number];

/** Saves a preset; one with the same name is replaced. A preset's logo, if any, is the link's own or the workspace's. */
export async function saveQrPreset(access: WorkspaceAccess, name: string, input: unknown): Promise<QrPreset> {
  const presetName = qrPresetNameSchema.parse(name);
  const design = qrDesignSchema.parse(input);
  assertScannable(design, design.logo !== "none");
  const workspaceId = access.workspace.id;
  return db().$transaction(async (tx) => {
    const same = await tx.qrDesign.findFirst({ where: { workspaceId, isPreset: true, name: presetName }, select: { id: true } });
    const row = same
      ? await tx.qrDesign.update({ where: { id: same.id }, data: { options: design }, select: { id: true } })
      : await tx.qrDesign.create({ data: { workspaceId, isPreset: true, name: presetName, options: design }, select: { id: true } });
    return { id: row.id, name: presetName, design };
  });
}

export async function deleteQrPreset(access: WorkspaceAccess, id: string) {
  const { count } = await db().qrDesign.deleteMany({ where: { id, workspaceId: access.workspace.id, isPreset: true } });
  if (count === 0) throw notFound("Preset not found");
}
