import type { TestProject } from "vitest/node";

import { applyMigrations } from "@/prisma/apply-migrations";

import {
  assertLocalDatabase,
  createDatabase,
  dropDatabasesLike,
  testServerUrl,
  uniqueDatabaseName,
} from "./test-database";

// Once per `vitest --project integration` run: a migrated template database that each test file
// copies (CREATE DATABASE … TEMPLATE), and, at the end, every database of the run dropped.

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
    templateDatabase: string;
    runPrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = testServerUrl();
  assertLocalDatabase(serverUrl);
  const runPrefix = uniqueDatabaseName("cv_int");
  const template = `${runPrefix}_tpl`;
  const templateUrl = await createDatabase(serverUrl, template);
  await applyMigrations(templateUrl, () => undefined);
  project.provide("testServerUrl", serverUrl);
  project.provide("templateDatabase", template);
  project.provide("runPrefix", runPrefix);
  return async () => {
    await dropDatabasesLike(serverUrl, runPrefix);
  };
}
