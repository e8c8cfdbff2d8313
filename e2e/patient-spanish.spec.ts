import { expect, signInOverHttp, test } from "./fixtures";
import { chromiumLaunchOptions } from "./support/chromium";
import { ALLOW_MEDIA, FAKE_DEVICES, PHONE, visitIn } from "./support/device-check";

// The patient's portal in Spanish on a phone (decision 033, issue 18): a patient whose record says
// Spanish sees My visits, the visit page, the consent and the device check (fake camera and
// microphone) in Spanish, joins the visit in Zoom, and the provider sees "Device check passed" and
// "Consent on file" (with the camera blocked: patient-spanish-denied.spec.ts); the switch changes to
// English and back; a signed-out visitor whose browser asks for Spanish gets the
// Spanish sign-in page. URLs stay as they are.

test.use({ ...PHONE, launchOptions: chromiumLaunchOptions([FAKE_DEVICES, ALLOW_MEDIA]) });

const CONSENT = "Las consultas por video son privadas y nunca se graban.";

test("a Spanish-speaking patient signs, checks in and joins in Spanish, and the switch changes it", async ({
  page,
  signInAs,
  factories,
  db,
  linkZoom,
  browser,
}) => {
  test.setTimeout(120_000);
  const { clinic, visit } = await visitIn(factories, 10);
  await linkZoom(clinic);
  const subject = clinic.patient.subject;
  await db.subject.update({ where: { id: subject.id }, data: { preferredLanguage: "es" } });
  await db.telehealthConsentVersion.create({
    data: {
      organizationId: clinic.organization.id,
      version: 1,
      body: CONSENT,
      createdById: clinic.admin.id,
    },
  });
  await signInAs("patient", clinic);

  // The browser gets the catalog's namespaces its components read, never the emails' words.
  const document = await (await page.request.get(`/visits/${visit.id}`)).text();
  expect(document).toContain("DeviceCheck");
  expect(document).not.toMatch(/VisitEmails|PatientEmails|ReminderOptOut/);

  await page.goto("/visits");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: "Mis consultas" })).toBeVisible();
  await expect(page.getByText(`Hola, ${clinic.patient.user.firstName}.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Próximas" })).toBeVisible();
  // The day in Spanish, in the clinic's zone ("lunes, 7 de diciembre").
  const day = new Intl.DateTimeFormat("es-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone: clinic.organization.timeZone,
  }).format(visit.scheduledStart);
  await page.getByRole("link", { name: day }).click();

  await expect(page).toHaveURL(`/visits/${visit.id}`);
  await expect(page.getByRole("heading", { name: "Su consulta por video" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unirse a la consulta" })).toBeDisabled();
  const consent = page.getByRole("region", {
    name: "Consentimiento para consultas por video",
  });
  await expect(consent.getByText(CONSENT)).toBeVisible();
  await consent.getByLabel("Leí este consentimiento y acepto tener consultas por video.").check();
  await consent.getByLabel("Escriba su nombre completo para firmar").fill("Nadie Aquí");
  await consent.getByRole("button", { name: "Firmar y continuar" }).click();
  await expect(
    consent.getByText(/Escriba su nombre completo tal como lo tiene su clínica/).first(),
  ).toBeVisible();
  const fullName = `${subject.firstName} ${subject.lastName}`;
  await consent.getByLabel("Escriba su nombre completo para firmar").fill(fullName);
  await consent.getByRole("button", { name: "Firmar y continuar" }).click();
  await expect(page.getByText("Gracias: su consentimiento quedó registrado.")).toBeVisible();
  await expect(page.getByRole("link", { name: /Unirse a la consulta/ })).toBeVisible();

  const check = page.getByRole("region", { name: "Prepárese para su consulta" });
  await check.getByRole("button", { name: "Empezar la prueba" }).click();
  await expect(check.getByRole("heading", { name: "Cámara y micrófono" })).toBeFocused();
  await check.getByRole("button", { name: "Permitir la cámara y el micrófono" }).click();
  await expect(check.getByLabel("Lo que ve su cámara")).toBeVisible();
  await check.getByRole("button", { name: "Sí, me veo" }).click();
  await expect(check.getByRole("status").filter({ hasText: "Le escuchamos." })).toBeVisible();
  await check.getByRole("button", { name: "Siguiente" }).click();
  await expect(check.getByRole("heading", { name: "Altavoz" })).toBeFocused();
  await check.getByRole("button", { name: "Reproducir un sonido de prueba" }).click();
  await check.getByRole("button", { name: "Sí, lo escuché" }).click();
  await expect(check.getByText("Su conexión es buena para una consulta por video.")).toBeVisible();
  await expect(
    check.getByRole("status").filter({ hasText: "Prueba del dispositivo superada a las" }),
  ).toBeVisible();
  expect(
    await db.visitDeviceCheck.findUniqueOrThrow({ where: { visitId: visit.id } }),
  ).toMatchObject({ isPassed: true });

  const opened = page.context().waitForEvent("page");
  await page.getByRole("link", { name: /Unirse a la consulta/ }).click();
  const meeting = await opened;
  await expect(
    meeting.getByRole("heading", { level: 1, name: "Join CareVisit video visit" }),
  ).toBeVisible();
  await meeting.close();

  const staff = await browser.newContext();
  const provider = await staff.newPage();
  await signInOverHttp(provider, clinic.provider.email);
  await provider.goto(`/subjects/${subject.id}/video`);
  await expect(provider.locator("html")).toHaveAttribute("lang", "en");
  await expect(
    provider.getByRole("region", { name: "In progress" }).getByText(/Device check passed at/),
  ).toBeVisible();
  await expect(provider.getByText(/Consent on file \(v1, \w{3} \d{1,2}\)$/)).toBeVisible();
  await staff.close();

  const language = page.getByRole("form", { name: "Idioma" });
  await expect(language.getByRole("button", { name: "Español" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await language.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Your video visit" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(new URL(page.url()).pathname).toBe(`/visits/${visit.id}`);
  await page.getByRole("link", { name: "My visits", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My visits" })).toBeVisible();
  await page
    .getByRole("form", { name: "Language" })
    .getByRole("button", { name: "Español" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Mis consultas" })).toBeVisible();
  await expect(page).toHaveURL("/visits");
});

test.describe("a signed-out visitor whose browser asks for Spanish", () => {
  test.use({ locale: "es-MX", extraHTTPHeaders: { "Accept-Language": "es-MX,es;q=0.9" } });

  test("gets the Spanish sign-in page, and a bad language cookie is ignored", async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([{ name: "carevisit-locale", value: "klingon", url: baseURL! }]);
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { name: "Iniciar sesión" })).toBeVisible();
    await expect(page.getByLabel("Correo electrónico o nombre de usuario")).toBeVisible();
    await expect(page.getByLabel("Contraseña")).toBeVisible();
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await expect(
      page.getByText("Escriba su correo electrónico o nombre de usuario."),
    ).toBeVisible();
    await page.getByRole("link", { name: /código enviado a su correo/ }).click();
    await expect(page.getByRole("heading", { name: "Iniciar sesión con un código" })).toBeVisible();
  });
});
