import { dropDatabases, testServerUrl } from "@/tests/support/test-database";

import { e2eDatabaseName } from "./support/environment";
import {
  countIssuedZoomTokens,
  describeLeaks,
  e2eSecrets,
  type Leak,
  removeServerLogs,
  scanDatabase,
  scanServerLogs,
} from "./support/secrets-scan";

// Runs before Playwright stops the web servers: the database and the servers' logs are scanned for
// secrets in the clear, then the database is dropped whatever the scan found.
export default async function globalTeardown() {
  const secrets = e2eSecrets();
  let leaks: Leak[] = [];
  let logFiles: string[] = [];
  const tokenRequests = await countIssuedZoomTokens();
  try {
    const logs = scanServerLogs(secrets);
    logFiles = logs.scanned;
    leaks = [...(await scanDatabase(secrets)), ...logs.leaks];
  } finally {
    await dropDatabases(testServerUrl(), [e2eDatabaseName()]);
  }
  if (leaks.length > 0) throw new Error(describeLeaks(leaks, logFiles));
  removeServerLogs(logFiles);
  const tokens = tokenRequests === null ? "" : ` (${tokenRequests} Zoom token grants this run)`;
  console.log(
    `Secrets scan: no secret in the database dump or in ${logFiles.length} server log(s)${tokens}.`,
  );
}
