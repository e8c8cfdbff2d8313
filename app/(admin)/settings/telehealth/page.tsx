import type { Metadata } from "next";

import { TelehealthSettingsForm } from "@/components/telehealth/telehealth-settings-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/format";
import { getTelehealthBaseUrl, getTelehealthNotificationUrl } from "@/lib/telehealth/addresses";
import { getTelehealthSettings } from "@/lib/telehealth/get-telehealth-settings";

import { saveTelehealthSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Telehealth join links" };

export default async function TelehealthSettingsPage() {
  const viewer = await requireRole(Role.ADMIN);
  const { updatedAt, ...settings } = await getTelehealthSettings({ viewer });
  return (
    <>
      <PageHeader
        title="Telehealth (EMR-style) join links"
        description="Choose which links patients and providers use to join video visits."
      />
      <Card className="mb-6">
        <h2 className="mb-2 text-lg font-semibold">How encrypted telehealth links work</h2>
        <div className="flex max-w-3xl flex-col gap-2 text-slate-700">
          <p>
            By default, everyone joins with Zoom&apos;s own meeting link. With encrypted telehealth
            links, CareVisit sends each person to{" "}
            <code className="rounded bg-slate-100 px-1 text-sm break-all">
              {getTelehealthBaseUrl()}/telehealth
            </code>{" "}
            with the visit, their role and their CareVisit id encrypted with your Zoom API secret,
            the way EMRs such as Epic launch Zoom visits. Zoom decrypts the link, makes the provider
            the host and lets the patient in as a participant.
          </p>
          <p>
            You need the API key (Zoom calls it <code className="text-sm">org_id</code>) and the API
            secret that Zoom issued for your telehealth integration. The secret is stored encrypted
            and never shown again.
          </p>
        </div>
      </Card>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Settings</h2>
        <TelehealthSettingsForm
          action={saveTelehealthSettingsAction}
          settings={settings}
          notificationUrl={getTelehealthNotificationUrl()}
        />
        <p className="mt-4 text-sm text-slate-600">
          {updatedAt
            ? `Last saved ${formatDateTime(updatedAt, viewer.timeZone)}.`
            : "Not saved yet: these are the defaults."}
        </p>
      </Card>
    </>
  );
}
