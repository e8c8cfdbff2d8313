import net from "node:net";

import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { VisitMessageStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db/db";
import { pooledSql } from "@/lib/db/sql";
import {
  buildClaimDueMessagesSql,
  type ClaimedMessageRow,
} from "@/lib/visit-messages/claim-due-messages.sql";
import { deliverySelect } from "@/lib/visit-messages/claimed-message";
import { deliverVisitMessage } from "@/lib/visit-messages/deliver-visit-message";
import { dispatchDueMessages } from "@/lib/visit-messages/dispatch-due-messages";
import { queueVisitMessages } from "@/lib/visit-messages/queue-visit-messages";
import { createVisit } from "@/prisma/factories";
import { loadFresh } from "@/tests/support/fresh-modules";
import { type SmtpRefusal, startSmtpInbox } from "@/tests/support/smtp-inbox";
import { createClinic } from "@/tests/support/viewers";

// What the dispatcher does when SMTP fails, and that concurrent dispatchers send each message once.
let refuseRecipient: (address: string) => SmtpRefusal | null = () => null;
let refuseMessage: () => SmtpRefusal | null = () => null;
const inbox = await startSmtpInbox({
  refuseRecipient: (address) => refuseRecipient(address),
  refuseMessage: () => refuseMessage(),
});
process.env.EMAIL_TRANSPORT = "smtp";
process.env.SMTP_URL = inbox.url;
process.env.APP_BASE_URL = "http://localhost:3999";
afterAll(() => inbox.close());

const MINUTE = 60_000;

async function queuedVisits(count: number) {
  const clinic = await createClinic(db);
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const visit = await createVisit(db, {
      organizationId: clinic.organization.id,
      subjectId: clinic.patient.subject.id,
      providerId: clinic.provider.id,
      scheduledStart: new Date(Date.now() + (48 + index) * 60 * MINUTE),
    });
    await db.$transaction((tx) =>
      queueVisitMessages(tx, { visitId: visit.id, change: "scheduled" }),
    );
    ids.push(visit.id);
  }
  return { clinic, ids, patientEmail: clinic.patient.user.email };
}

const statusesOf = async (visitId: string) =>
  (
    await db.visitMessage.findMany({
      where: { visitId, kind: "INVITATION" },
      orderBy: { recipient: "asc" },
      select: { recipient: true, status: true, attempts: true, lastError: true, notBefore: true },
    })
  ).map(({ notBefore: _notBefore, ...row }) => row);

describe("visit message delivery", () => {
  beforeEach(async () => {
    refuseRecipient = () => null;
    refuseMessage = () => null;
    await db.visitMessage.updateMany({
      where: { status: VisitMessageStatus.QUEUED },
      data: { status: VisitMessageStatus.CANCELLED },
    });
  });

  it("sends each message once when two dispatchers run at the same time", async () => {
    const { ids } = await queuedVisits(30);
    const since = inbox.messages.length;
    const [first, second] = await Promise.all([
      dispatchDueMessages({ batchSize: 7 }),
      dispatchDueMessages({ batchSize: 7 }),
    ]);
    expect(first.sent + second.sent).toBe(60);
    expect(first.sent).toBeGreaterThan(0);
    expect(second.sent).toBeGreaterThan(0);
    const delivered = inbox.messages.slice(since).map((message) => message.messageId);
    expect(delivered).toHaveLength(60);
    expect(new Set(delivered).size).toBe(60);
    expect(await db.visitMessage.count({ where: { visitId: { in: ids }, status: "SENT" } })).toBe(
      60,
    );
  });

  it("lets only the holder of a message's lease send it or record what became of it", async () => {
    const { ids } = await queuedVisits(1);
    const start = new Date();
    const claim = (at: Date) =>
      pooledSql.query<ClaimedMessageRow>(buildClaimDueMessagesSql(at, 2, MINUTE));
    const first = await claim(start);
    expect(first).toHaveLength(2);
    // The first dispatcher stalls past its lease; a second takes the messages and sends them.
    const later = new Date(start.getTime() + 2 * MINUTE);
    const second = await claim(later);
    expect(second.map((row) => row.id).sort()).toEqual(first.map((row) => row.id).sort());
    const messages = await db.visitMessage.findMany({
      where: { id: { in: first.map((row) => row.id) } },
      select: deliverySelect,
    });
    const since = inbox.messages.length;
    for (const message of messages) {
      const stale = first.find((row) => row.id === message.id)?.lease ?? "";
      expect(
        await deliverVisitMessage(message, { lease: stale, now: later, leaseMs: MINUTE }),
      ).toBe("skipped");
    }
    expect(inbox.messages.length).toBe(since);
    for (const message of messages) {
      const lease = second.find((row) => row.id === message.id)?.lease ?? "";
      expect(await deliverVisitMessage(message, { lease, now: later, leaseMs: MINUTE })).toBe(
        "sent",
      );
    }
    expect(await statusesOf(ids[0]!)).toMatchObject([{ status: "SENT" }, { status: "SENT" }]);
  });

  it("keeps a message refused for now (451) queued, and sends it once at its next attempt", async () => {
    const { ids, patientEmail } = await queuedVisits(1);
    refuseMessage = () => ({ responseCode: 451, message: "4.3.0 Try again later" });
    const now = new Date();
    expect(await dispatchDueMessages({ now: () => now })).toMatchObject({ retrying: 2, sent: 0 });
    expect(await statusesOf(ids[0]!)).toMatchObject([
      { status: "QUEUED", attempts: 1, lastError: expect.stringContaining("451") as unknown },
      { status: "QUEUED", attempts: 1 },
    ]);
    refuseMessage = () => null;
    // Not before its time: the next attempt is a minute later.
    expect(await dispatchDueMessages({ now: () => now })).toMatchObject({ sent: 0 });
    const later = new Date(now.getTime() + MINUTE + 1000);
    expect(await dispatchDueMessages({ now: () => later })).toMatchObject({ sent: 2 });
    expect(inbox.messages.filter((message) => message.to.includes(patientEmail))).toHaveLength(1);
  });

  it("marks an address the server refuses for good (550) bounced, with the server's answer", async () => {
    const { ids, patientEmail } = await queuedVisits(1);
    refuseRecipient = (address) =>
      address === patientEmail ? { responseCode: 550, message: "5.1.1 No such user here" } : null;
    expect(await dispatchDueMessages()).toMatchObject({ bounced: 1, sent: 1 });
    expect(await statusesOf(ids[0]!)).toMatchObject([
      {
        recipient: "PATIENT",
        status: "BOUNCED",
        lastError: expect.stringContaining("No such user") as unknown,
      },
      { recipient: "PROVIDER", status: "SENT" },
    ]);
  });

  it("retries after a server that drops the connection or never answers", async () => {
    const { ids } = await queuedVisits(1);
    const silent = net.createServer((socket) => socket.on("error", () => undefined));
    const dropping = net.createServer((socket) => socket.end("220 ready\r\n").destroy());
    for (const server of [silent, dropping])
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;
    try {
      for (const server of [silent, dropping]) {
        process.env.SMTP_URL = `smtp://127.0.0.1:${portOf(server)}?greetingTimeout=300&socketTimeout=300`;
        const { dispatchDueMessages: dispatch } = await loadFresh(
          () => import("@/lib/visit-messages/dispatch-due-messages"),
        );
        await db.visitMessage.updateMany({
          where: { visitId: ids[0], kind: "INVITATION" },
          data: { notBefore: new Date() },
        });
        expect(await dispatch()).toMatchObject({ retrying: 2, sent: 0 });
      }
    } finally {
      process.env.SMTP_URL = inbox.url;
      silent.close();
      dropping.close();
    }
    expect(await statusesOf(ids[0]!)).toMatchObject([
      { status: "QUEUED", attempts: 2 },
      { status: "QUEUED", attempts: 2 },
    ]);
  });
});
