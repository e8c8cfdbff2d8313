import path from "node:path";

/** Node's arguments to run the production server (server.ts, as `npm start` does) on `port`. */
export function productionServerArgs(port: number | string): string[] {
  return ["--import", "tsx", path.join(__dirname, "..", "..", "server.ts"), "--port", String(port)];
}
