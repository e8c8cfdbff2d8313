import type { Metadata } from "next";

import { ClinicPhoneForm } from "@/components/consent/clinic-phone-form";
import { ConsentText } from "@/components/consent/consent-text";
import { ConsentTextForm } from "@/components/consent/consent-text-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { parseConsentText } from "@/lib/consent/consent-text";
import { getConsentSettings } from "@/lib/consent/get-consent-settings";
import { formatDateTime } from "@/lib/format";

import { saveClinicPhoneAction, saveConsentTextAction } from "./actions";

export const metadata: Metadata = { title: "Telehealth consent" };

export default async function ConsentSettingsPage() {
  const viewer = await requireRole(Role.ADMIN);
  const { phone, current, history } = await getConsentSettings({ viewer });
  const tz = viewer.timeZone;
  return (
    <>
      <PageHeader
        title="Telehealth consent"
        description="Patients read and sign this in the portal before their first video visit. Saving a changed text makes a new version, and every patient signs again before their next video visit."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-1 text-lg font-semibold">Consent text</h2>
          <p className="mb-4 text-sm text-slate-700">
            {current
              ? `Patients now sign version ${current.version}, saved ${formatDateTime(current.createdAt, tz)}.`
              : "No consent text yet: patients are not asked for consent until you save one."}
          </p>
          <ConsentTextForm action={saveConsentTextAction} body={current?.body ?? ""} />
        </Card>
        <Card>
          <h2 className="mb-4 text-lg font-semibold">What patients see</h2>
          {current ? (
            <ConsentText blocks={parseConsentText(current.body)} />
          ) : (
            <p className="text-slate-700">Nothing yet.</p>
          )}
        </Card>
      </div>
      <Card className="mt-6">
        <h2 className="mb-4 text-lg font-semibold">Clinic phone number</h2>
        <ClinicPhoneForm action={saveClinicPhoneAction} phone={phone} />
      </Card>
      <section aria-labelledby="versions-heading" className="mt-6">
        <h2 id="versions-heading" className="mb-3 text-lg font-semibold">
          Versions
        </h2>
        {history.length === 0 ? (
          <p className="text-slate-700">No versions yet.</p>
        ) : (
          <Table caption="Consent versions, newest first">
            <TableHead>
              <Th>Version</Th>
              <Th>Saved</Th>
              <Th>By</Th>
              <Th className="text-right">Signed by</Th>
            </TableHead>
            <TableBody>
              {history.map((version) => (
                <tr key={version.id}>
                  <Td>v{version.version}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(version.createdAt, tz)}</Td>
                  <Td className="wrap-anywhere">{version.createdBy ?? "—"}</Td>
                  <Td className="text-right">
                    {version.acceptedCount === 1
                      ? "1 patient"
                      : `${version.acceptedCount} patients`}
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}
