import { type Emulator } from "../emulator";

// `event_ts` (ms, emulator clock) strictly increases across all events, so two events can never
// share a dedupe key even when a test joins and leaves within one millisecond.
export function nextEventTs(emulator: Emulator): number {
  const eventTs = Math.max(emulator.now(), emulator.state.lastEventTs + 1);
  emulator.state.lastEventTs = eventTs;
  return eventTs;
}
