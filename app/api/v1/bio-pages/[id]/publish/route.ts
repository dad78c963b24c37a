import { publishBioPage } from "@/lib/bio-pages/publish-bio-page";
import { param, withWorkspace } from "@/lib/http/with-workspace";

export const POST = withWorkspace("bio.write", async ({ access, params }) => Response.json(await publishBioPage(access, param(params, "id"))));
