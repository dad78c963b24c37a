import { z } from "zod";
import { HTTP_STATUS, type ErrorCode } from "@/lib/errors";
import { COMPONENTS, type ComponentName } from "./components";
import { OPERATIONS, type ApiOperation } from "./operations";

export type JsonSchema = { [key: string]: unknown };

const ERROR_TEXT: Record<number, string> = {
  400: "The body is not JSON (`bad_request`).",
  401: "No API key, or a wrong, revoked or expired one (`unauthorized`).",
  403: "The key's role lacks the permission (`forbidden`), e.g. a viewer key writing.",
  404: "No such id in this workspace; another workspace's id answers the same (`not_found`).",
  409: "Taken: a slug on this domain, a tag or campaign name, a channel key (`conflict`).",
  422: "Invalid input (`validation_failed`, `unprocessable`), or a field the endpoint does not know; `details.fields` names each field.",
  429: "Over the key's rate limit (`rate_limited`); wait `Retry-After` seconds.",
};

const RATE_LIMIT_HEADERS = {
  "X-RateLimit-Limit": { description: "Requests allowed per minute for this API key.", schema: { type: "integer" } },
  "X-RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" } },
  "X-RateLimit-Reset": { description: "When the window resets, in Unix seconds.", schema: { type: "integer" } },
};

export function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema;
  delete json.$schema; // OpenAPI 3.1 documents use 2020-12 already.
  return io === "input" ? closed(json) : json;
}

/** Request bodies refuse fields they do not name (lib/http/unknown-fields.ts): say so on every object with named fields. */
function closed(node: unknown): JsonSchema {
  if (Array.isArray(node)) return node.map(closed) as unknown as JsonSchema;
  if (!node || typeof node !== "object") return node as JsonSchema;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, closed(v)])) as JsonSchema;
  if (out.type === "object" && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });

/** The error statuses an operation can answer, from its shape. */
export function errorStatuses(op: ApiOperation): number[] {
  const s = new Set<number>(op.errors ?? []);
  if (op.permission) [401, 403, 429].forEach((n) => s.add(n));
  if (op.body || op.upload) [400, 422].forEach((n) => s.add(n));
  if (op.pathParams) s.add(404);
  return [...s].sort((a, b) => a - b);
}

function operationObject(op: ApiOperation) {
  const parameters = [
    ...Object.entries(op.pathParams ?? {}).map(([name, description]) => ({ name, in: "path", required: true, description, schema: { type: "string" } })),
    ...Object.entries((op.query ? toSchema(op.query, "input").properties : {}) as Record<string, JsonSchema>).map(([name, schema]) => ({
      name,
      in: "query",
      required: false,
      ...(typeof schema.description === "string" ? { description: schema.description } : {}),
      schema,
    })),
  ];
  const headers = op.permission ? RATE_LIMIT_HEADERS : undefined;
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(op.responses)) {
    const content = {
      ...(r.body ? { "application/json": { schema: ref(r.body) } } : {}),
      ...Object.fromEntries((r.media ?? []).map((type) => [type, { schema: { type: "string", contentMediaType: type } }])),
    };
    responses[status] = { description: r.description, ...(headers ? { headers } : {}), ...(Object.keys(content).length ? { content } : {}) };
  }
  for (const status of errorStatuses(op)) {
    const retry = status === 429 ? { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } : {};
    responses[String(status)] = {
      description: (op.upload && status === 400 ? "The body is not multipart/form-data (`bad_request`)." : ERROR_TEXT[status]) ?? "Error.",
      ...(headers && status !== 401 ? { headers: { ...headers, ...retry } } : {}),
      content: { "application/json": { schema: ref("Error") } },
    };
  }
  return {
    operationId: op.id,
    tags: [op.group],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.permission ? { "x-permission": op.permission } : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? { requestBody: { required: true, content: { "application/json": { schema: ref(op.body), ...(op.example ? { example: op.example } : {}) } } } }
      : {}),
    ...(op.upload
      ? {
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  properties: { [op.upload.field]: { type: "string", contentMediaType: "application/octet-stream", description: op.upload.description } },
                  required: [op.upload.field],
                },
              },
            },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the operations and the zod schemas. */
export function buildOpenApiDocument(appUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  const schemas = Object.fromEntries(Object.entries(COMPONENTS).map(([name, c]) => [name, toSchema(c.schema, c.io)]));
  const codes = Object.entries(HTTP_STATUS) as [ErrorCode, number][];
  return {
    openapi: "3.1.0",
    info: {
      title: "Pennant API",
      version: "1.0.0",
      description: [
        "Short links, tags, campaigns and channels for your own tools. Send an API key (Settings → API keys) as `Authorization: Bearer <key>`; a key acts for its own workspace with the role it was given.",
        "Every API-key answer carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix seconds); over the limit the answer is 429 with `Retry-After`.",
        `Errors are \`{ "error": { "code", "message", "details"? } }\`; codes: ${codes.map(([c, s]) => `\`${c}\` (${s})`).join(", ")}.`,
      ].join("\n\n"),
    },
    servers: [{ url: `${appUrl.replace(/\/$/, "")}/api/v1` }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(OPERATIONS.map((o) => o.group))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API key, `pnt_…`, from Settings → API keys." } },
      schemas,
    },
  };
}

