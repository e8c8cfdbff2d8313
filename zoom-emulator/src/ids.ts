import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";

// Identifiers shaped like Zoom's, so apps that validate or store them meet realistic values.

// User and account ids: 16 random bytes as base64url, 22 characters (e.g. "KDcuGIm1QgePTO8WbOqwIQ").
export function newZoomId(): string {
  return randomBytes(16).toString("base64url");
}

// The default state uses stable ids so an app that remembers the account survives a restart.
export function stableZoomId(seed: string): string {
  return createHash("sha256").update(seed).digest().subarray(0, 16).toString("base64url");
}

// participant_uuid values are GUIDs, 8-4-4-4-12 hex in upper case as Zoom shows them
// (e.g. "8B5D4E3C-1A2B-4C3D-9E8F-0123456789AB"), 36 characters.
export function newParticipantUuid(): string {
  return randomUUID().toUpperCase();
}

export function newOpaqueToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function newDigits(length: number): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < length) digits += String(randomInt(0, 10));
  return digits;
}

// 11-digit meeting numbers, as a JSON number in REST responses (zoom-rest.md#meetings).
export function newMeetingNumber(isTaken: (id: number) => boolean): number {
  for (;;) {
    const id = Number(newDigits(11));
    if (!isTaken(id)) return id;
  }
}

// Meeting UUIDs are base64 of 16 bytes (24 characters). Zoom's can start with "/" or contain
// "//", which must then be double URL-encoded in paths (zoom-rest.md#participant-reports). Two out
// of three emulator UUIDs have that shape, and every one has at least one "/", so callers cannot
// get encoding wrong without noticing.
export function newMeetingUuid(sequence: number): string {
  const plain = randomBytes(16).toString("base64");
  switch (sequence % 3) {
    case 0:
      return `/${plain.slice(1)}`;
    case 1:
      return `${plain.slice(0, 9)}//${plain.slice(11)}`;
    default: {
      const singleSlashes = plain.replaceAll("/", "A");
      return `${singleSlashes.slice(0, 5)}/${singleSlashes.slice(6)}`;
    }
  }
}

export function newTrackingId(prefix: string): string {
  return `v=2.0;clid=emu;rid=${prefix}_${randomBytes(16).toString("hex")}`;
}
