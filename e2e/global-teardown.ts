import { dropDatabases, testServerUrl } from "@/lib/testing/test-database";

import { e2eDatabaseName } from "./support/environment";

export default async function globalTeardown() {
  await dropDatabases(testServerUrl(), [e2eDatabaseName()]);
}
