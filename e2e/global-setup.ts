import { assertLocalDatabase, testServerUrl } from "@/tests/support/test-database";

// Refuses to run against anything but a local PostgreSQL: the run creates and drops a database.
export default function globalSetup() {
  assertLocalDatabase(testServerUrl());
}
