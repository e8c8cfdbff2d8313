import {
  ACCESS_MATRIX,
  EXCLUDED,
  type Expectation,
  type MatrixRow,
  type Outcome,
  VIEWERS,
  type Viewer,
} from "./access-matrix";
import { expect, test } from "./fixtures";
import { listAppRoutes } from "./support/app-routes";
import { observe, type Observed } from "./support/request-outcome";

// Requests every cell of e2e/access-matrix.ts: one test per viewer, one clinic (and one foreign
// record) per test. Mismatches are collected, so one failure lists every wrong cell.

type RecordIds = { subjectId: string; visitId: string; importId: string };
type Records = { own: RecordIds; foreign: RecordIds };
type Which = keyof Records;

const REDIRECT_STATUSES = [302, 303, 307];
const PARAM = /\[([^\]]+)\]/g;

const keyOf = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
const hasParams = (path: string) => path.includes("[");

function fill(pattern: string, ids: RecordIds): string {
  return pattern.replace(PARAM, (_, name: string) => {
    if (name === "subjectId") return ids.subjectId;
    if (name === "visitId") return ids.visitId;
    if (name === "importId") return ids.importId;
    if (name === "token") return "x".repeat(43); // an unknown set-password link: its refusal page
    throw new Error(`No record id for [${name}]: add it to RecordIds in access-matrix.spec.ts.`);
  });
}

function outcomeFor(expectation: Expectation, which: Which): Outcome {
  return typeof expectation === "number" || "redirectTo" in expectation
    ? expectation
    : expectation[which];
}

function matches(expected: Outcome, observed: Observed, ids: RecordIds): boolean {
  if (typeof expected === "number") return observed.status === expected;
  return (
    REDIRECT_STATUSES.includes(observed.status) &&
    observed.location === fill(expected.redirectTo, ids)
  );
}

function describe(outcome: Outcome | Observed): string {
  if (typeof outcome === "number") return String(outcome);
  if ("redirectTo" in outcome) return `a redirect to ${outcome.redirectTo}`;
  return outcome.location ? `${outcome.status} → ${outcome.location}` : String(outcome.status);
}

test("every page and route under app/ has exactly one row in the access matrix", () => {
  const onDisk = listAppRoutes();
  const excluded = new Set(EXCLUDED.map((exclusion) => exclusion.path));
  const diskKeys = new Set(onDisk.map(keyOf));
  const rowKeys = ACCESS_MATRIX.map(keyOf);

  const missing = onDisk
    .filter((route) => !excluded.has(route.path) && !rowKeys.includes(keyOf(route)))
    .map((route) => `${keyOf(route)} (${route.file})`);
  const stale = rowKeys.filter((key) => !diskKeys.has(key));
  const duplicated = rowKeys.filter((key, index) => rowKeys.indexOf(key) !== index);
  const staleExclusions = [...excluded].filter(
    (path) => !onDisk.some((route) => route.path === path),
  );
  const unjustified = EXCLUDED.filter((exclusion) => exclusion.reason.trim().length < 20);
  // A row without a [param] is requested once: an own/foreign split there would never be checked.
  const splitWithoutRecord = ACCESS_MATRIX.filter(
    (row) =>
      !hasParams(row.path) &&
      VIEWERS.some(
        (viewer) => typeof row.expect[viewer] === "object" && "own" in row.expect[viewer],
      ),
  ).map(keyOf);

  expect(onDisk.length, "no page or route found: is app/ where the helper looks?").toBeGreaterThan(
    10,
  );
  expect.soft(missing, "pages and routes with no row in e2e/access-matrix.ts").toEqual([]);
  expect.soft(stale, "rows of e2e/access-matrix.ts naming no page or route").toEqual([]);
  expect.soft(duplicated, "rows listed twice").toEqual([]);
  expect.soft(staleExclusions, "exclusions naming no route").toEqual([]);
  expect.soft(unjustified, "exclusions need a reason").toEqual([]);
  expect.soft(splitWithoutRecord, "own/foreign given for a path without a record").toEqual([]);
});

for (const viewer of VIEWERS) {
  test(`${viewer}: every page and route answers as the access matrix says`, async ({
    page,
    signInAs,
    factories,
    db,
    baseURL,
  }) => {
    const origin = baseURL ?? "";
    const records = await buildRecords(viewer, { signInAs, factories, db });
    const mismatches: string[] = [];
    let requests = 0;
    for (const row of ACCESS_MATRIX) {
      const targets: Which[] = hasParams(row.path) ? ["own", "foreign"] : ["own"];
      for (const which of targets) {
        const ids = records[which];
        const url = fill(row.path, ids) + (row.query ?? "");
        const expected = outcomeFor(row.expect[viewer], which);
        const observed = await observe(page.request, probeOf(row, url), origin, page.context());
        requests++;
        if (!matches(expected, observed, ids))
          mismatches.push(
            `${row.method} ${row.path} (${which}): expected ${describe(expected)}, got ${describe(observed)}`,
          );
      }
    }
    expect(mismatches, `${viewer}: cells that differ from e2e/access-matrix.ts`).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(ACCESS_MATRIX.length);
  });
}

function probeOf(row: MatrixRow, url: string) {
  return { method: row.method, url, body: row.body, isStream: row.isStream };
}

type Fixtures = Parameters<Parameters<typeof test>[2]>[0];

/** An uploaded subject import of the clinic (Import subjects), not yet mapped or run. */
async function createImport(
  db: Fixtures["db"],
  clinic: { organizationId: string; adminId: string },
) {
  const created = await db.subjectImport.create({
    data: {
      organizationId: clinic.organizationId,
      createdById: clinic.adminId,
      separator: ",",
      totalRows: 1,
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * Signs the viewer in (unless anonymous) and makes their own and a foreign subject, visit and
 * subject import (the foreign import is always another clinic's: patients see no import).
 */
async function buildRecords(
  viewer: Viewer,
  { signInAs, factories, db }: Pick<Fixtures, "signInAs" | "factories" | "db">,
): Promise<Records> {
  const clinic = viewer === "anonymous" ? await factories.createClinic() : await signInAs(viewer);
  const organizationId = clinic.organization.id;
  const own = await factories.createVisit({
    organizationId,
    subjectId: clinic.patient.subject.id,
    providerId: clinic.provider.id,
  });
  // A patient's foreign record is another patient's of the same clinic; staff's is another clinic's.
  const foreign =
    viewer === "patient"
      ? await factories.createPatient(organizationId).then(async (neighbour) =>
          factories.createVisit({
            organizationId,
            subjectId: neighbour.subject.id,
            providerId: clinic.provider.id,
          }),
        )
      : await factories.createClinic().then(async (other) =>
          factories.createVisit({
            organizationId: other.organization.id,
            subjectId: other.patient.subject.id,
            providerId: other.provider.id,
          }),
        );
  const other = await factories.createClinic();
  const [ownImport, foreignImport] = await Promise.all([
    createImport(db, { organizationId, adminId: clinic.admin.id }),
    createImport(db, { organizationId: other.organization.id, adminId: other.admin.id }),
  ]);
  return {
    own: { subjectId: own.subjectId, visitId: own.id, importId: ownImport },
    foreign: { subjectId: foreign.subjectId, visitId: foreign.id, importId: foreignImport },
  };
}
