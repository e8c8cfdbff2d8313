import { createServer, type IncomingHttpHeaders } from "node:http";

import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../server";
import { type TokenResponse, tokenResponseSchema } from "./protocol-schemas";

// Helpers for the emulator's own tests: an in-process emulator on an ephemeral port, a local
// webhook receiver, and the OAuth dance done the way a browser and an app would do it.

export const DEV_CLIENT = { id: "carevisit-dev-client", secret: "carevisit-dev-secret" };
export const DEV_REDIRECT_URI = "http://localhost:3000/api/zoom/oauth/callback";

export function basicAuth(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

export interface TestEmulator extends RunningEmulator {
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  api(method: string, path: string, token: string, body?: unknown): Promise<Response>;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const running = await startEmulator({ port: 0, ...options });
  return {
    ...running,
    async control(method, path, body) {
      const response = await fetch(`${running.url}${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const parsed: unknown = text === "" ? null : JSON.parse(text);
      return { status: response.status, body: parsed };
    },
    api(method, path, token, body) {
      return fetch(`${running.url}/v2${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
  };
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  // What the next requests get; a function can answer per request.
  respond: (request: ReceivedRequest) => { status: number; body?: string; delayMs?: number };
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = {
    url: "",
    requests: [],
    respond: () => ({ status: 200, body: "{}" }),
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (receiver.requests.length < count) {
        if (Date.now() > deadline)
          throw new Error(`Received ${receiver.requests.length} of ${count} requests`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return receiver.requests.slice(0, count);
    },
    close: () => Promise.resolve(),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      receiver.requests.push(request);
      const answer = receiver.respond(request);
      setTimeout(() => {
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(answer.body ?? "");
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Receiver is not on TCP");
  receiver.url = `http://127.0.0.1:${address.port}`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

export interface ConsentOptions {
  userEmail?: string;
  sharedAccess?: boolean;
  decision?: "allow" | "decline";
  state?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  redirectUri?: string;
}

// Submits the consent form as a browser would; returns the response (302 or a re-rendered page).
export function submitConsent(
  emulator: RunningEmulator,
  options: ConsentOptions = {},
): Promise<Response> {
  const form = new URLSearchParams({
    client_id: DEV_CLIENT.id,
    redirect_uri: options.redirectUri ?? DEV_REDIRECT_URI,
    response_type: "code",
    user_email: options.userEmail ?? "zoom-admin@carevisit.test",
    decision: options.decision ?? "allow",
  });
  if (options.sharedAccess ?? true) form.set("shared_access", "on");
  if (options.state !== undefined) form.set("state", options.state);
  if (options.codeChallenge !== undefined) form.set("code_challenge", options.codeChallenge);
  if (options.codeChallengeMethod !== undefined)
    form.set("code_challenge_method", options.codeChallengeMethod);
  return fetch(`${emulator.url}/oauth/authorize`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
}

export async function getCode(
  emulator: RunningEmulator,
  options: ConsentOptions = {},
): Promise<string> {
  const response = await submitConsent(emulator, options);
  const code = new URL(response.headers.get("location") ?? "http://invalid/").searchParams.get(
    "code",
  );
  if (!code) throw new Error(`No code in the redirect (status ${response.status})`);
  return code;
}

export function requestToken(
  emulator: RunningEmulator,
  params: Record<string, string>,
  auth = basicAuth(DEV_CLIENT.id, DEV_CLIENT.secret),
) {
  return fetch(`${emulator.url}/oauth/token`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params),
  });
}

export async function authorize(
  emulator: RunningEmulator,
  options: ConsentOptions = {},
): Promise<TokenResponse> {
  const code = await getCode(emulator, options);
  const response = await requestToken(emulator, {
    grant_type: "authorization_code",
    code,
    redirect_uri: DEV_REDIRECT_URI,
  });
  if (response.status !== 200) throw new Error(`Token exchange failed: ${response.status}`);
  return tokenResponseSchema.parse(await response.json());
}

// Polls until `check` passes (deliveries finish on the emulator's own timers).
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error("Condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
