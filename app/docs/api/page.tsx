import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/logo";
import { env } from "@/lib/env";
import { buildOpenApiDocument, type JsonSchema } from "@/lib/openapi/build-document";
import { fieldsOf, type FieldRow } from "@/lib/openapi/describe-schema";

export const metadata: Metadata = { title: "API reference", description: "The Pennant REST API: short links, bulk operations, QR codes, tags, campaigns, channels and workspaces." };
// APP_URL (in the examples) is read at run time.
export const dynamic = "force-dynamic";

interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  "x-permission"?: string;
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: JsonSchema }[];
  requestBody?: { content: { "application/json"?: { schema: JsonSchema; example?: unknown }; "multipart/form-data"?: { schema: JsonSchema } } };
  responses: Record<string, { description: string; content?: { "application/json"?: { schema: JsonSchema } } & Record<string, { schema: JsonSchema }> }>;
}

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-50 text-sky-800 ring-sky-200",
  post: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  patch: "bg-amber-50 text-amber-900 ring-amber-200",
  delete: "bg-rose-50 text-rose-800 ring-rose-200",
};

const anchor = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const schemaName = (s: JsonSchema | undefined) => (typeof s?.$ref === "string" ? s.$ref.split("/").at(-1) : undefined);

function curl(base: string, method: string, path: string, op: Operation): string {
  const url = `${base}${path.replace(/\{(\w+)\}/g, (_m, p: string) => `<${p}>`)}`;
  const lines = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "${url}"`, `  -H "Authorization: Bearer $PENNANT_API_KEY"`];
  const example = op.requestBody?.content["application/json"]?.example;
  if (example !== undefined) lines.push(`  -H "Content-Type: application/json"`, `  -d '${JSON.stringify(example)}'`);
  const upload = op.requestBody?.content["multipart/form-data"]?.schema.properties;
  for (const field of Object.keys((upload ?? {}) as Record<string, unknown>)) lines.push(`  -F "${field}=@logo.png"`);
  if (Object.keys(op.responses["200"]?.content ?? {}).includes("image/png")) lines.push(`  -o qr.png`);
  return lines.join(" \\\n");
}

/** Text with `code` spans, as the document's descriptions are written. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/`([^`]+)`/).map((part, i) =>
        i % 2 ? (
          <code key={i} className="rounded bg-zinc-100 px-1 text-[0.85em] text-zinc-800">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Fields({ rows, caption }: { rows: FieldRow[]; caption: string }) {
  return (
    <div className="mt-4">
      <h4 className="text-sm font-semibold text-zinc-900">{caption}</h4>
      <ul className="mt-2 divide-y divide-zinc-100 rounded-lg border border-zinc-200">
        {rows.map((f) => (
          <li key={f.name} className="grid gap-1 px-3 py-2 text-sm sm:grid-cols-[14rem_1fr] sm:gap-4">
            <div className="min-w-0">
              <code className="break-all font-medium text-zinc-900">{f.name}</code>
              {f.required && <span className="ml-2 text-xs font-medium text-rose-700">required</span>}
            </div>
            <div className="min-w-0 text-zinc-600">
              <code className="break-words text-xs text-zinc-800">{f.type}</code>
              {f.notes.length > 0 && <span className="text-xs text-zinc-600"> · {f.notes.join(" · ")}</span>}
              {f.description && (
                <p className="mt-0.5">
                  <Prose text={f.description} />
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function ApiReferencePage() {
  const base = `${env().APP_URL.replace(/\/$/, "")}/api/v1`;
  const doc = buildOpenApiDocument(env().APP_URL);
  const components = doc.components.schemas as Record<string, JsonSchema>;
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ path, method, op })));
  const groups = doc.tags.map((t) => ({ name: t.name, ops: ops.filter((o) => o.op.tags.includes(t.name)) }));
  return (
    <div className="min-h-dvh bg-zinc-50">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-5 py-4">
          <Logo />
          <a href="/api/v1/openapi.json" className="text-sm font-medium text-accent-700 underline underline-offset-2 hover:no-underline">
            openapi.json
          </a>
        </div>
      </header>
      <div className="mx-auto grid max-w-6xl gap-8 px-5 py-8 lg:grid-cols-[13rem_1fr]">
        <nav aria-label="Endpoints" className="hidden lg:block">
          <div className="sticky top-6 space-y-5 text-sm">
            {groups.map((g) => (
              <div key={g.name}>
                <p className="font-semibold text-zinc-900">{g.name}</p>
                <ul className="mt-1.5 space-y-1">
                  {g.ops.map(({ op }) => (
                    <li key={op.operationId}>
                      <a href={`#${anchor(op.operationId)}`} className="text-zinc-700 underline decoration-zinc-300 underline-offset-2 hover:text-zinc-900 hover:decoration-zinc-900">
                        {op.summary}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </nav>
        <main className="min-w-0 space-y-10">
          <section>
            <h1 className="text-3xl font-semibold tracking-tight text-zinc-900">API reference</h1>
            <p className="mt-2 max-w-2xl text-zinc-600">
              Create and manage short links, tags, campaigns and channels from your own tools. Base URL <code className="rounded bg-zinc-100 px-1 text-sm">{base}</code>.
            </p>
            <div className="mt-5 grid gap-4 md:grid-cols-3">
              <div className="rounded-xl border border-zinc-200 bg-white p-4 text-sm text-zinc-600">
                <h2 className="font-semibold text-zinc-900">Authentication</h2>
                <p className="mt-1">
                  Create a key in <strong>Settings → API keys</strong> and send it as <code className="break-all">Authorization: Bearer &lt;key&gt;</code>. A key acts for its own
                  workspace with the role it was given: a viewer key can read, not write.
                </p>
              </div>
              <div className="rounded-xl border border-zinc-200 bg-white p-4 text-sm text-zinc-600">
                <h2 className="font-semibold text-zinc-900">Rate limits</h2>
                <p className="mt-1">
                  Every answer carries <code>X-RateLimit-Limit</code>, <code>X-RateLimit-Remaining</code> and <code>X-RateLimit-Reset</code> (Unix seconds). Over the limit: 429
                  with <code>Retry-After</code>.
                </p>
              </div>
              <div className="rounded-xl border border-zinc-200 bg-white p-4 text-sm text-zinc-600">
                <h2 className="font-semibold text-zinc-900">Errors</h2>
                <p className="mt-1">
                  <code className="break-all">{`{ "error": { "code", "message", "details" } }`}</code>. On 422, <code>details.fields</code> names each invalid field.
                </p>
              </div>
            </div>
          </section>
          {groups.map((g) => (
            <section key={g.name} aria-labelledby={`group-${g.name}`} className="space-y-6">
              <h2 id={`group-${g.name}`} className="border-b border-zinc-200 pb-2 text-xl font-semibold text-zinc-900">
                {g.name}
              </h2>
              {g.ops.map(({ path, method, op }) => {
                const body = op.requestBody?.content["application/json"]?.schema ?? op.requestBody?.content["multipart/form-data"]?.schema;
                const params = op.parameters ?? [];
                return (
                  <article key={op.operationId} id={anchor(op.operationId)} className="scroll-mt-6 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm" data-testid="api-operation">
                    <h3 className="text-base font-semibold text-zinc-900">{op.summary}</h3>
                    <p className="mt-2 flex flex-wrap items-center gap-2">
                      <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ring-1 ring-inset ${METHOD_STYLE[method] ?? ""}`}>{method}</span>
                      <code className="break-all text-sm text-zinc-900">/api/v1{path}</code>
                      {op["x-permission"] && <span className="text-xs text-zinc-600">needs {op["x-permission"]}</span>}
                    </p>
                    {op.description && (
                      <p className="mt-3 max-w-3xl text-sm text-zinc-600">
                        <Prose text={op.description} />
                      </p>
                    )}
                    {params.length > 0 && (
                      <Fields
                        caption="Parameters"
                        rows={params.map((p) => ({ ...fieldsOf({ type: "object", properties: { [p.name]: p.schema }, required: p.required ? [p.name] : [] })[0]!, name: `${p.name} (${p.in})`, ...(p.description ? { description: p.description } : {}) }))}
                      />
                    )}
                    {body && (
                      <Fields
                        caption={`Request body (${schemaName(body) ?? (op.requestBody?.content["multipart/form-data"] ? "multipart/form-data" : "JSON")})`}
                        rows={fieldsOf(body, components)}
                      />
                    )}
                    <div className="mt-4">
                      <h4 className="text-sm font-semibold text-zinc-900">Responses</h4>
                      <ul className="mt-2 space-y-1 text-sm">
                        {Object.entries(op.responses).map(([status, r]) => (
                          <li key={status} className="flex gap-3">
                            <code className={`w-10 shrink-0 font-semibold ${status.startsWith("2") ? "text-emerald-700" : "text-zinc-600"}`}>{status}</code>
                            <span className="text-zinc-600">
                              <Prose text={r.description} />
                              {schemaName(r.content?.["application/json"]?.schema) && status.startsWith("2") && (
                                <span className="text-zinc-600"> · {schemaName(r.content?.["application/json"]?.schema)}</span>
                              )}
                              {status.startsWith("2") && Object.keys(r.content ?? {}).some((t) => t.startsWith("image/")) && (
                                <span className="text-zinc-600"> · {Object.keys(r.content ?? {}).join(", ")}</span>
                              )}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </div>
                    <pre tabIndex={0} aria-label={`Example request: ${op.summary}`} className="mt-4 overflow-x-auto rounded-lg bg-zinc-900 p-3 text-xs leading-relaxed text-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600">
                      <code>{curl(base, method, path, op)}</code>
                    </pre>
                  </article>
                );
              })}
            </section>
          ))}
          <p className="text-sm text-zinc-600">
            Machine-readable: <a href="/api/v1/openapi.json" className="text-accent-700 underline underline-offset-2 hover:no-underline">/api/v1/openapi.json</a> (OpenAPI 3.1). Back to{" "}
            <Link href="/" className="text-accent-700 underline underline-offset-2 hover:no-underline">
              Pennant
            </Link>
            .
          </p>
        </main>
      </div>
    </div>
  );
}
