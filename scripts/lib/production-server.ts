import path from "node:path";

/** server.ts as `npm run build` compiles it (plain JavaScript: no TypeScript loader at run time). */
export const PRODUCTION_SERVER = path.join(__dirname, "..", "..", ".next", "carevisit-server.cjs");

/** Node's arguments to run the production server (as `npm start` does) on `port`. */
export function productionServerArgs(port: number | string): string[] {
  return [PRODUCTION_SERVER, "--port", String(port)];
}
