import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { findDirectRoute, registerDirectRoute, withDirectRoutes } from "@/lib/server/direct-routes";
import { log } from "@/lib/log";

// A real server, as server.ts builds it, with a stand-in for Next.js as the fallback.
let server: http.Server;
let base: string;

const registered = vi.spyOn(log, "info").mockImplementation(() => undefined);

beforeAll(async () => {
  server = http.createServer(
    withDirectRoutes((request, response) => response.end(`next ${request.method} ${request.url}`)),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const answerOf = async (method: string, path: string) =>
  (await fetch(`${base}${path}`, { method, body: method === "POST" ? "{}" : undefined })).text();

describe("withDirectRoutes", () => {
  it("hands everything to the fallback until a route is registered", async () => {
    expect(await answerOf("POST", "/direct/unregistered")).toBe("next POST /direct/unregistered");
  });

  it("answers a registered method and exact path itself, whatever the query", async () => {
    registerDirectRoute("POST", "/direct/hook", async (request, response) => {
      let body = "";
      for await (const chunk of request) body += String(chunk);
      response.end(`direct ${body}`);
    });
    expect(registered).toHaveBeenCalledWith("server.direct_route_registered", {
      route: "POST /direct/hook",
    });
    expect(await answerOf("POST", "/direct/hook")).toBe("direct {}");
    expect(await answerOf("POST", "/direct/hook?retry=1")).toBe("direct {}");
  });

  it("leaves other methods, paths and spellings of the path to the fallback", async () => {
    registerDirectRoute("POST", "/direct/only-post", (_request, response) => {
      response.end("direct");
      return Promise.resolve();
    });
    expect(await answerOf("GET", "/direct/only-post")).toBe("next GET /direct/only-post");
    expect(await answerOf("POST", "/direct/only-post/")).toBe("next POST /direct/only-post/");
    expect(await answerOf("POST", "/DIRECT/only-post")).toBe("next POST /DIRECT/only-post");
    expect(await answerOf("POST", "/direct/only-post-not")).toBe("next POST /direct/only-post-not");
  });

  it("answers 500 when a handler fails before answering, logs it, and keeps serving", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    registerDirectRoute("POST", "/direct/broken", () => Promise.reject(new Error("broken")));
    const response = await fetch(`${base}/direct/broken`, { method: "POST", body: "{}" });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: "internal", message: "Something went wrong" },
    });
    expect(logged).toHaveBeenCalledWith(
      "server.direct_route_failed",
      expect.objectContaining({ errorMessage: "broken" }),
    );
    expect(await answerOf("GET", "/direct/broken")).toBe("next GET /direct/broken");
  });
});

describe("findDirectRoute", () => {
  it("finds nothing without a method or a URL", () => {
    expect(
      findDirectRoute({ method: undefined, url: "/direct/hook" } as http.IncomingMessage),
    ).toBe(undefined);
    expect(findDirectRoute({ method: "POST", url: undefined } as http.IncomingMessage)).toBe(
      undefined,
    );
  });
});
