import "server-only";

import { errorFields, log } from "@/lib/log";
import { changeHub } from "@/lib/realtime/change-hub";
import { EVERY_KEY, VISIT_MESSAGES_CHANNEL } from "@/lib/realtime/channels";
import { dispatchDueMessages } from "@/lib/visit-messages/dispatch-due-messages";

// The process's dispatcher: it sends what is due when told (a change queued messages, the
// minute's schedule came, the LISTEN connection came back), one run at a time; a request that
// comes during a run makes it run once more, so nothing queued meanwhile waits for the next minute.

let running: Promise<void> | null = null;
let isRequestedAgain = false;

/** Runs the dispatcher now, or once more after the current run; resolves when it is idle. */
export function requestDispatch(): Promise<void> {
  if (running) {
    isRequestedAgain = true;
    return running;
  }
  running = drain().finally(() => {
    running = null;
  });
  return running;
}

async function drain(): Promise<void> {
  do {
    isRequestedAgain = false;
    try {
      const result = await dispatchDueMessages();
      if (Object.values(result).some(Boolean)) log.info("visit_messages.dispatched", result);
    } catch (error) {
      log.error("visit_messages.dispatch_failed", errorFields(error));
    }
  } while (isRequestedAgain);
}

/** Listens for queued messages on this instance; returns the function that stops listening. */
export function startVisitMessageDispatcher(): () => void {
  const stop = changeHub().subscribe(VISIT_MESSAGES_CHANNEL, EVERY_KEY, () => {
    void requestDispatch();
  });
  void requestDispatch();
  return stop;
}
