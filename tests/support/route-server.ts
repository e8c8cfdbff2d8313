import http from "node:http";
import type { AddressInfo } from "node:net";

// An App Router route handler (app/api/…/route.ts) served over real HTTP, the way Next.js hands
// it a web Request: the body streams in as the client sends it, and the handler may answer
// before it has all arrived (then the connection closes, as serveZoomWebhook does). For tests of
// what only HTTP can show (bodies cut short, sent slowly, or never finished) without a build.

type RouteHandler = (request: Request, context: unknown) => Promise<Response>;

function bodyOf(request: http.IncomingMessage): ReadableStream<Uint8Array> {
  let isDone = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      request.on("data", (chunk: Buffer) => {
        if (!isDone) controller.enqueue(new Uint8Array(chunk));
      });
      request.once("end", () => {
        if (!isDone) controller.close();
        isDone = true;
      });
      request.once("error", (error) => {
        if (!isDone) controller.error(error);
        isDone = true;
      });
    },
    // A handler that stops reading leaves the rest unread; the answer closes the connection.
    cancel: () => {
      isDone = true;
      request.pause();
    },
  });
}

export async function startRouteServer(
  handler: RouteHandler,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers))
      for (const item of [value ?? []].flat()) headers.append(name, item);
    const url = `http://${request.headers.host ?? "localhost"}${request.url ?? "/"}`;
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const init = { method: request.method, headers, duplex: "half" } as RequestInit;
    if (hasBody) init.body = bodyOf(request);
    void handler(new Request(url, init), undefined).then(async (answer) => {
      const body = Buffer.from(await answer.arrayBuffer());
      response.writeHead(answer.status, {
        ...Object.fromEntries(answer.headers),
        "Content-Length": body.byteLength,
        ...(request.complete ? {} : { Connection: "close" }),
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
