import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import en from "@/messages/en.json";

import {
  AUTH_CLIENT_NAMESPACES,
  type Namespace,
  PATIENT_CLIENT_NAMESPACES,
  pickNamespaces,
} from "./client-messages";

const root = path.resolve(import.meta.dirname, "../..");

/** Every client component (or hook) in app/ and components/, with the namespaces it reads. */
function clientNamespaces(): { file: string; namespaces: string[] }[] {
  const files = ["app", "components"].flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => path.join(folder, file)),
  );
  return files
    .map((file) => ({ file, source: readFileSync(path.join(root, file), "utf8") }))
    .filter(({ source }) => /^["']use client["']/m.test(source))
    .map(({ file, source }) => ({
      file,
      namespaces: [...source.matchAll(/useTranslations\(\s*(?:"(\w+)")?\s*\)/g)].map(
        (match) => match[1] ?? "(the whole catalog)",
      ),
    }))
    .filter(({ namespaces }) => namespaces.length > 0);
}

describe("the catalog sent to the browser", () => {
  it("holds only the namespaces asked for", () => {
    const picked = pickNamespaces(en, PATIENT_CLIENT_NAMESPACES);
    expect(Object.keys(picked).sort()).toEqual([...PATIENT_CLIENT_NAMESPACES].sort());
    expect(picked.DeviceCheck).toBe(en.DeviceCheck);
  });

  it("has every namespace a client component reads, under its layout", () => {
    const found = clientNamespaces();
    // The scan finds the patient's and the sign-in forms' components (it cannot silently miss all).
    expect(found.map(({ file }) => file)).toEqual(
      expect.arrayContaining([
        path.join("components", "device-check", "device-check.tsx"),
        path.join("app", "(auth)", "sign-in", "sign-in-form.tsx"),
      ]),
    );
    const missing = found.flatMap(({ file, namespaces }) => {
      const allowed: readonly Namespace[] = file.startsWith(path.join("app", "(auth)"))
        ? AUTH_CLIENT_NAMESPACES
        : PATIENT_CLIENT_NAMESPACES;
      return namespaces
        .filter((namespace) => !(allowed as readonly string[]).includes(namespace))
        .map((namespace) => `${file}: ${namespace}`);
    });
    expect(missing).toEqual([]);
  });

  it("never carries the emails' namespaces", () => {
    for (const namespaces of [AUTH_CLIENT_NAMESPACES, PATIENT_CLIENT_NAMESPACES])
      expect(namespaces).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(VisitEmails|PatientEmails)$/)]),
      );
  });
});
