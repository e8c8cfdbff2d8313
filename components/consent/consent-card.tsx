import type { ConsentStatus } from "@/lib/consent/types";

import { ConsentStatusLine } from "./consent-status-line";

/** The subject's Overview card for the telehealth consent. */
export function ConsentCard({ status, timeZone }: { status: ConsentStatus; timeZone: string }) {
  return (
    <section
      aria-labelledby="consent-card-heading"
      className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 id="consent-card-heading" className="mb-2 text-lg font-semibold">
        Telehealth consent
      </h2>
      <ConsentStatusLine status={status} timeZone={timeZone} />
      <p className="mt-2 text-sm text-slate-700">
        Patients sign it in the portal before their first video visit, and again when the clinic
        changes its text.
      </p>
    </section>
  );
}
