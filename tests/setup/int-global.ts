import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseProvider: string;
  }
}

/** One fresh database per run: TEST_DB=sqlite (default) or TEST_DB=postgres. */
export default async function setup(project: TestProject) {
  const provider = process.env.TEST_DB === "postgres" ? "postgres" : "sqlite";
  const database = await createTestDatabase(provider);
  console.log(`[int] ${provider} database ready: ${database.url.replace(/\/\/[^@]*@/, "//")}`);
  project.provide("databaseUrl", database.url);
  project.provide("databaseProvider", provider);
  return async () => {
    await database.drop();
  };
}
