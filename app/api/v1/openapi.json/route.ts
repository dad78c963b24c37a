import { env } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";

// APP_URL is read at run time, not baked in at build time.
export const dynamic = "force-dynamic";

/** Public: the OpenAPI 3.1 document of this API. */
export function GET() {
  return Response.json(buildOpenApiDocument(env().APP_URL), { headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" } });
}
