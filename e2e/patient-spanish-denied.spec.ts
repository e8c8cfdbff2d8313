import { expect, test } from "./fixtures";
import { chromiumLaunchOptions } from "./support/chromium";
import { FAKE_DEVICES, PHONE, visitIn } from "./support/device-check";

// The Spanish-speaking patient's device check when the browser blocks the camera and microphone
// (Chromium answers every permission prompt "no"): in Spanish, what to do in this browser, and
// the failure is stored (issue 18; the allowed journey is patient-spanish.spec.ts).

test.use({
  ...PHONE,
  launchOptions: chromiumLaunchOptions([FAKE_DEVICES, "--deny-permission-prompts"]),
});

test("the device check says in Spanish how to allow them, and the failure is stored", async ({
  page,
  signInAs,
  factories,
  db,
}) => {
  const { clinic, visit } = await visitIn(factories, 3 * 24 * 60);
  await db.subject.update({
    where: { id: clinic.patient.subject.id },
    data: { preferredLanguage: "es" },
  });
  await signInAs("patient", clinic);
  await page.goto(`/visits/${visit.id}`);
  const check = page.getByRole("region", { name: "Probar mi dispositivo" });
  await check.getByRole("button", { name: "Probar mi dispositivo" }).click();
  await expect(check.getByRole("heading", { name: "Cámara y micrófono" })).toBeFocused();
  await expect(check.getByText("Su navegador le pedirá permiso")).toBeVisible();
  await check.getByRole("button", { name: "Permitir la cámara y el micrófono" }).click();

  const help = check.getByRole("alert");
  await expect(help).toContainText("Su cámara o su micrófono están bloqueados");
  await expect(help).toContainText("Chrome");
  await expect(help).toContainText("Ponga Cámara y Micrófono en Permitir.");
  await expect(help.getByRole("button", { name: "Volver a cargar la página" })).toBeVisible();
  await check.getByRole("button", { name: "Continuar con las demás pruebas" }).click();
  await expect(check.getByRole("heading", { name: "Altavoz" })).toBeFocused();
  await check.getByRole("button", { name: "Reproducir un sonido de prueba" }).click();
  await check.getByRole("button", { name: "Sí, lo escuché" }).click();
  await expect(check.getByRole("status").filter({ hasText: "hay algo que revisar" })).toBeVisible();
  const stored = await db.visitDeviceCheck.findUniqueOrThrow({ where: { visitId: visit.id } });
  expect(stored).toMatchObject({ isPassed: false, camera: "BLOCKED", microphone: "BLOCKED" });
});
