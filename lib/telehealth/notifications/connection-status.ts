import { ParticipantEventKind } from "@/generated/prisma/enums";

// What the ConnectionStatus of an Epic-style notification means: the one place the codes are
// mapped. No public table of them is known. Zoom's Cerner integration, the closest documented
// analogue, uses `action` 1 = joined and 2 = left, and the emulator sends the same; unverified
// against Epic. Any other code is stored with its raw value and changes nothing.
// @see docs/protocols/telehealth-notifications.md#connection-status

export const CONNECTION_STATUS_KINDS: ReadonlyMap<number, ParticipantEventKind> = new Map([
  [1, ParticipantEventKind.JOINED],
  [2, ParticipantEventKind.LEFT],
]);

/**
 * The participant event a ConnectionStatus stands for ("1" joined, "2" left, leading zeros
 * allowed), or null for a code we do not know or a value that is not 1 to 3 digits.
 */
export function deriveConnectionEventKind(connectionStatus: string): ParticipantEventKind | null {
  if (!/^\d{1,3}$/.test(connectionStatus)) return null;
  return CONNECTION_STATUS_KINDS.get(Number(connectionStatus)) ?? null;
}
