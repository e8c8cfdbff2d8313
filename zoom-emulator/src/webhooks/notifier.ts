import { type Emulator } from "../emulator";
import { type Delivery } from "../state/delivery-schema";
import { type Meeting, type MeetingInstance, type Participant } from "../state/meeting-schema";
import { formatZoomTime } from "../zoom-time";
import { nextEventTs } from "./event-ts";
import {
  buildMeetingObject,
  buildParticipantFields,
  type MeetingEventName,
  type ParticipantEventName,
  type ParticipantEventTimes,
} from "./meeting-events";

// Collects the notifications one user action causes, queues them in order, and lets the caller
// wait until each has had its first attempt (so a test's next step sees their effect).
//
// Meeting webhooks go only to accounts that have the app installed, as on Zoom: an app receives
// events for the accounts that added it. Epic-style GETs do not depend on the installation.

export interface Notifier {
  meetingEvent(event: MeetingEventName, meeting: Meeting, instance: MeetingInstance): void;
  participantEvent(
    event: ParticipantEventName,
    meeting: Meeting,
    instance: MeetingInstance,
    person: Participant,
    times: ParticipantEventTimes,
  ): void;
  connectionStatus(person: Participant, status: "joined" | "left"): void;
  settled(): Promise<Delivery[]>;
}

const EPIC_STATUS = { joined: "1", left: "2" } as const;

export function createNotifier(emulator: Emulator): Notifier {
  const pending: Promise<Delivery>[] = [];

  function sendWebhook(meeting: Meeting, event: string, object: Record<string, unknown>) {
    const { registration, installations } = emulator.state;
    if (registration.eventUrl === "") return;
    if (!installations.some((installation) => installation.accountId === meeting.accountId)) {
      emulator.log("webhook.skipped", { notification: event, reason: "app not installed" });
      return;
    }
    const body = JSON.stringify({
      event,
      payload: { account_id: meeting.accountId, object },
      event_ts: nextEventTs(emulator),
    });
    pending.push(
      emulator.deliveries.enqueue(emulator, {
        kind: "webhook",
        event,
        url: registration.eventUrl,
        body,
      }),
    );
  }

  return {
    meetingEvent(event, meeting, instance) {
      const object = buildMeetingObject(meeting, instance);
      const endTime =
        event === "meeting.ended"
          ? { end_time: formatZoomTime(instance.endedAt ?? emulator.now()) }
          : {};
      sendWebhook(meeting, event, { ...object, ...endTime });
    },
    participantEvent(event, meeting, instance, person, times) {
      const participant = buildParticipantFields(event, person, times);
      sendWebhook(meeting, event, { ...buildMeetingObject(meeting, instance), participant });
    },
    connectionStatus(person, status) {
      const epic = emulator.state.registration.epicNotification;
      if (!epic || !person.telehealth) return;
      const url = new URL(epic.url);
      url.searchParams.set("ExternalIDType", epic.externalIdType);
      url.searchParams.set("VendorName", "Zoom");
      url.searchParams.set("ExternalID", person.telehealth.userId);
      url.searchParams.set("ConferenceID", person.telehealth.sessionId);
      url.searchParams.set("ConnectionStatus", EPIC_STATUS[status]);
      const event = `connection_status.${status}`;
      pending.push(
        emulator.deliveries.enqueue(emulator, { kind: "epic", event, url: url.href, body: null }),
      );
    },
    settled() {
      return Promise.all(pending);
    },
  };
}
