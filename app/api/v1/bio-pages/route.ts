import { createBioPage } from "@/lib/bio-pages/create-bio-page";
import { listBioPages } from "@/lib/bio-pages/list-bio-pages";
import { createBioPageSchema } from "@/lib/bio-pages/schemas";
import { readJson, withWorkspace } from "@/lib/http/with-workspace";

export const GET = withWorkspace("bio.read", async ({ access }) => Response.json(await listBioPages(access.workspace.id)));

export const POST = withWorkspace("bio.write", async ({ req, access }) => Response.json(await createBioPage(access, await readJson(req, createBioPageSchema)), { status: 201 }));
