import { expect } from "vitest";

import { db } from "@/lib/db/db";
import { createClinic } from "@/tests/support/viewers";
import type { ZoomEmulatorProcess } from "@/tests/support/zoom-emulator-process";
import { linkZoom } from "@/tests/support/zoom-link";
import { getActiveZoomConnection } from "@/lib/zoom/connection";

/** A clinic whose admin has linked a fresh Zoom account of the emulator (with an owner and the given users). */
export async function createLinkedClinic(
  zoom: ZoomEmulatorProcess,
  zoomUsers: { email: string; first_name: string; last_name: string }[] = [],
) {
  const clinic = await createClinic(db);
  const suffix = Math.random().toString(36).slice(2, 8);
  const ownerEmail = `owner-${suffix}@zoom.test`;
  const account = await zoom.control<{ id: string; users: { id: string; email: string }[] }>(
    "POST",
    "/accounts",
    {
      name: `Clinic ${suffix}`,
      users: [
        { email: ownerEmail, first_name: "Olive", last_name: "Owner", role: "Owner", type: 2 },
        ...zoomUsers.map((user) => ({ ...user, role: "Member", type: 2 })),
      ],
    },
  );
  expect(await linkZoom(clinic.viewers.admin, { userEmail: ownerEmail })).toEqual({
    status: "linked",
  });
  const connection = await getActiveZoomConnection(clinic.organization.id);
  return { ...clinic, connection, account, ownerEmail };
}
