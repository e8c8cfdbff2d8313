import { describe, expect, it } from "vitest";

import { DEFAULT_PORT, parseCliOptions } from "./cli-options";

// Flags win over env vars, which win over the --config file.

const noFile = () => {
  throw new Error("no config file in this test");
};

describe("parseCliOptions", () => {
  it("has defaults", () => {
    expect(parseCliOptions([], {}, noFile)).toEqual({
      port: DEFAULT_PORT,
      host: "127.0.0.1",
      publicUrl: undefined,
      stateFile: undefined,
      webhookRetryDelaysMs: undefined,
      registration: {},
    });
  });

  it("reads env vars and ignores empty ones", () => {
    const options = parseCliOptions(
      [],
      {
        ZOOM_EMULATOR_PORT: "9200",
        ZOOM_EMULATOR_PUBLIC_URL: "http://zoom.localhost:9200",
        ZOOM_EMULATOR_STATE_FILE: "",
        ZOOM_EMULATOR_WEBHOOK_RETRY_DELAYS_MS: "10, 20,30",
        ZOOM_EMULATOR_CLIENT_ID: "id",
        ZOOM_EMULATOR_REDIRECT_URIS: "http://a/cb, http://b/cb",
        ZOOM_EMULATOR_APP_NAME: "Other App",
      },
      noFile,
    );
    expect(options).toMatchObject({
      port: 9200,
      publicUrl: "http://zoom.localhost:9200",
      stateFile: undefined,
      webhookRetryDelaysMs: [10, 20, 30],
      registration: {
        clientId: "id",
        redirectUris: ["http://a/cb", "http://b/cb"],
        name: "Other App",
      },
    });
  });

  it("lets flags win over env over the config file", () => {
    const config = JSON.stringify({
      port: 1,
      host: "0.0.0.0",
      registration: { clientId: "from-file", clientSecret: "file-secret" },
    });
    const options = parseCliOptions(
      ["--port", "0", "--config", "emulator.json", "--webhook-retry-delays-ms", "5"],
      { ZOOM_EMULATOR_PORT: "2", ZOOM_EMULATOR_CLIENT_ID: "from-env" },
      () => config,
    );
    expect(options).toMatchObject({
      port: 0,
      host: "0.0.0.0",
      webhookRetryDelaysMs: [5],
      registration: { clientId: "from-env", clientSecret: "file-secret" },
    });
  });

  it("rejects unknown flags and bad values", () => {
    expect(() => parseCliOptions(["--prot", "1"], {}, noFile)).toThrow();
    expect(() => parseCliOptions(["--port", "abc"], {}, noFile)).toThrow();
    expect(() => parseCliOptions(["--webhook-retry-delays-ms", "1,x"], {}, noFile)).toThrow();
  });
});
