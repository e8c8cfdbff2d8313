// The e2e run's mail server (a Playwright webServer): real SMTP for the app servers on
// E2E_SMTP_PORT, and the messages it received as JSON on E2E_MAIL_PORT for the specs
// (GET /messages?to=address). Nothing leaves this machine.
import http from "node:http";

import { startSmtpInbox } from "@/tests/support/smtp-inbox";

async function main() {
  const smtpPort = Number(process.env.E2E_SMTP_PORT);
  const apiPort = Number(process.env.E2E_MAIL_PORT);
  const inbox = await startSmtpInbox(smtpPort);
  const api = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/health") return void response.end("ok");
    if (url.pathname !== "/messages") return void response.writeHead(404).end();
    const to = (url.searchParams.get("to") ?? "").toLowerCase();
    const found = inbox.messages.filter((message) => message.to.includes(to));
    response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(found));
  });
  api.listen(apiPort, "127.0.0.1");
  const stop = () => void inbox.close().then(() => api.close(() => process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
