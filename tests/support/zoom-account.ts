import type { ZoomEmulatorProcess } from "@/tests/support/zoom-emulator-process";

/** A fresh Zoom account (with an owner) so every test links its own. */
export async function createZoomAccount(zoom: ZoomEmulatorProcess) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const email = `owner-${suffix}@zoom.test`;
  const account = await zoom.control<{ id: string }>("POST", "/accounts", {
    name: `Clinic ${suffix}`,
    users: [
      { email, first_name: "Olive", last_name: "Owner", role: "Owner", type: 2 },
      {
        email: `member-${suffix}@zoom.test`,
        first_name: "Mel",
        last_name: "Member",
        role: "Member",
        type: 1,
      },
    ],
  });
  return { id: account.id, ownerEmail: email, memberEmail: `member-${suffix}@zoom.test` };
}
