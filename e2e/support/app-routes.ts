import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Every page and route handler under app/, found on disk, as URL pattern and method: what the
// access matrix must cover.

export type AppRoute = { path: string; method: string; file: string };

const APP_DIR = path.join(__dirname, "..", "..", "app");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** `app/(admin)/settings/zoom/page.tsx` → `/settings/zoom`: route groups and slots are not in URLs. */
export function urlPatternOf(folder: string): string {
  const segments = folder
    .split(path.sep)
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  return `/${segments.join("/")}`;
}

/** The HTTP methods a route.ts exports (`export const GET`, `export function HEAD`, `export const { GET, POST }`). */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(
    /export\s+(?:async\s+)?(?:const|let|function)\s+([A-Z]+)\b/g,
  )) {
    if (match[1] && HTTP_METHODS.includes(match[1])) found.add(match[1]);
  }
  for (const match of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) {
    for (const name of (match[1] ?? "").split(",").map((part) => part.trim().split(/\s/)[0])) {
      if (name && HTTP_METHODS.includes(name)) found.add(name);
    }
  }
  return [...found].sort();
}

export function listAppRoutes(): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const file of listFiles(APP_DIR)) {
    const relative = path.relative(APP_DIR, file);
    const name = path.basename(relative);
    const folder = path.dirname(relative) === "." ? "" : path.dirname(relative);
    if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(name)) {
      routes.push({ path: urlPatternOf(folder), method: "GET", file: `app/${relative}` });
    } else if (/^route\.(ts|js)$/.test(name)) {
      const methods = exportedMethods(readFileSync(file, "utf8"));
      if (methods.length === 0) throw new Error(`app/${relative} exports no HTTP method.`);
      for (const method of methods)
        routes.push({ path: urlPatternOf(folder), method, file: `app/${relative}` });
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
