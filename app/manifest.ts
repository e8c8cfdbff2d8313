import type { MetadataRoute } from "next";

import { findInstanceClinicName } from "@/lib/organizations/find-instance-clinic-name";
import { buildWebManifest } from "@/lib/pwa/web-manifest";

// GET /manifest.webmanifest — the installable portal's manifest (read per request: the clinic's name)
export const dynamic = "force-dynamic";

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  return buildWebManifest(await findInstanceClinicName());
}
