import { describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import {
  auditActionLabel,
  auditTargetLabel,
  describeAuditDetails,
} from "@/lib/audit/describe-audit-event";

const TZ = "America/New_York";

describe("the audit trail in words", () => {
  it("has words for every action, none of them a code", () => {
    for (const action of AUDIT_ACTIONS) {
      const label = auditActionLabel(action);
      expect(label).not.toContain(".");
      expect(label).not.toContain("_");
      expect(label).not.toBe(action);
    }
    expect(auditActionLabel("auth.sign_in")).toBe("Signed in");
  });

  it("still reads an action or a record type it does not know (an old row)", () => {
    expect(auditActionLabel("subject.bulk_merge")).toBe("Subject bulk merge");
    expect(auditTargetLabel("consent_version")).toBe("Consent text");
    expect(auditTargetLabel("import_job")).toBe("Import job");
  });

  it("writes details as words: booleans, codes, times in the clinic's zone, lists", () => {
    expect(
      describeAuditDetails({ page: 1, hasQuery: false, isCorrected: true, resultCount: 12 }, TZ),
    ).toBe("Page: 1 · Typed a search: no · Spelling corrected: yes · Results: 12");
    expect(describeAuditDetails({ from: "CARE_TEAM", to: "ADMIN" }, TZ)).toBe(
      "From: care team · To: administrator",
    );
    expect(
      describeAuditDetails(
        { from: "2026-01-05T15:00:00.000Z", to: "2026-01-05T16:30:00.000Z", durationMinutes: 45 },
        TZ,
      ),
    ).toBe(
      "From: Mon, Jan 5, 2026, 10:00 AM EST · To: Mon, Jan 5, 2026, 11:30 AM EST · Length (minutes): 45",
    );
    expect(describeAuditDetails({ changed: ["name", "timeZone"], previous: null }, TZ)).toBe(
      "Changed: name, time zone",
    );
    expect(describeAuditDetails({ method: "one_time_code" }, TZ)).toBe("How: one-time code");
    expect(describeAuditDetails(null, TZ)).toBeNull();
    expect(describeAuditDetails({}, TZ)).toBeNull();
  });
});
