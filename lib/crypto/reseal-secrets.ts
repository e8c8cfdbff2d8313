import "server-only";

import {
  decryptSecret,
  encryptSecret,
  isLegacySealed,
  type SealedField,
  sealedFields,
} from "@/lib/crypto/encryption";
import { db } from "@/lib/db/db";

// The migration path of secrets at rest to ciphertexts bound to their row and column (v2, see
// encryption.ts): every "v1" value, and every join URL stored in clear, is rewritten as v2. Run by
// the background jobs at start and every hour, so nothing stored becomes unreadable and nothing
// stays in the old format. Each value is replaced only if it is still the one read (a token
// refreshed meanwhile is newer, and already v2). OAuth states are not resealed: they live 10 minutes.

const BATCH = 200;

export type ResealResult = { zoomConnections: number; telehealthSettings: number; visits: number };

/** The value rewritten as v2, or undefined when it needs nothing. */
function resealed(value: string | null, field: SealedField, isPlainText = false) {
  if (value === null) return undefined;
  if (isPlainText) return encryptSecret(value, field);
  if (!isLegacySealed(value)) return undefined;
  return encryptSecret(decryptSecret(value, field), field);
}

async function resealZoomConnections(): Promise<number> {
  const rows = await db.zoomConnection.findMany({
    where: {
      OR: [{ accessToken: { startsWith: "v1." } }, { refreshToken: { startsWith: "v1." } }],
    },
    select: { id: true, organizationId: true, accessToken: true, refreshToken: true },
  });
  let count = 0;
  for (const row of rows) {
    const accessToken = resealed(
      row.accessToken,
      sealedFields.zoomToken(row.organizationId, "accessToken"),
    );
    const refreshToken = resealed(
      row.refreshToken,
      sealedFields.zoomToken(row.organizationId, "refreshToken"),
    );
    const updated = await db.zoomConnection.updateMany({
      where: { id: row.id, accessToken: row.accessToken, refreshToken: row.refreshToken },
      data: { accessToken, refreshToken },
    });
    count += updated.count;
  }
  return count;
}

async function resealTelehealthSettings(): Promise<number> {
  const rows = await db.telehealthSettings.findMany({
    where: { apiSecret: { startsWith: "v1." } },
    select: { organizationId: true, apiSecret: true },
  });
  let count = 0;
  for (const row of rows) {
    const updated = await db.telehealthSettings.updateMany({
      where: { organizationId: row.organizationId, apiSecret: row.apiSecret },
      data: {
        apiSecret: resealed(row.apiSecret, sealedFields.telehealthApiSecret(row.organizationId)),
      },
    });
    count += updated.count;
  }
  return count;
}

/** Join URLs in clear (before they were encrypted) and v1 start URLs and passcodes. */
const VISIT_TO_RESEAL = {
  OR: [
    { zoomJoinUrl: { not: null, startsWith: "http" } },
    { zoomJoinUrl: { startsWith: "v1." } },
    { zoomStartUrl: { startsWith: "v1." } },
    { zoomPassword: { startsWith: "v1." } },
  ],
};

async function resealVisits(): Promise<number> {
  let count = 0;
  let afterId: string | undefined;
  for (;;) {
    const rows = await db.visit.findMany({
      where: afterId ? { AND: [VISIT_TO_RESEAL, { id: { gt: afterId } }] } : VISIT_TO_RESEAL,
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, zoomJoinUrl: true, zoomStartUrl: true, zoomPassword: true },
    });
    for (const row of rows) {
      const field = (column: "zoomStartUrl" | "zoomPassword" | "zoomJoinUrl") =>
        sealedFields.visitMeeting(row.id, column);
      const isJoinUrlInClear = row.zoomJoinUrl?.startsWith("http") ?? false;
      const updated = await db.visit.updateMany({
        where: {
          id: row.id,
          zoomJoinUrl: row.zoomJoinUrl,
          zoomStartUrl: row.zoomStartUrl,
          zoomPassword: row.zoomPassword,
        },
        data: {
          zoomJoinUrl: resealed(row.zoomJoinUrl, field("zoomJoinUrl"), isJoinUrlInClear),
          zoomStartUrl: resealed(row.zoomStartUrl, field("zoomStartUrl")),
          zoomPassword: resealed(row.zoomPassword, field("zoomPassword")),
        },
      });
      count += updated.count;
    }
    if (rows.length < BATCH) return count;
    afterId = rows.at(-1)?.id;
  }
}

/** Rewrites every secret stored in an older format; returns how many rows changed. */
export async function resealSecrets(): Promise<ResealResult> {
  return {
    zoomConnections: await resealZoomConnections(),
    telehealthSettings: await resealTelehealthSettings(),
    visits: await resealVisits(),
  };
}
