// npm run lockfile:complete — run after changing dependencies.
// Our registry answers 404 for some other platforms' native packages (e.g. @next/swc-darwin-arm64),
// so `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lockfile.
// This adds the missing optional platform packages with their os/cpu/libc, read from the package
// name, so `npm ci` skips them here and installs them on the platform they are for.
import { readFileSync, writeFileSync } from "node:fs";

type LockEntry = {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
};
type Lockfile = { packages: Record<string, LockEntry> };

const OPERATING_SYSTEMS = [
  "android",
  "darwin",
  "freebsd",
  "linux",
  "win32",
  "openharmony",
  "sunos",
  "aix",
  "netbsd",
  "openbsd",
];
const CPUS: Record<string, string> = {
  arm64: "arm64",
  x64: "x64",
  arm: "arm",
  ia32: "ia32",
  loong64: "loong64",
  ppc64: "ppc64",
  riscv64: "riscv64",
  s390x: "s390x",
  wasm32: "wasm32",
};

function platformOf(name: string): Pick<LockEntry, "os" | "cpu" | "libc"> | null {
  const parts = (name.split("/").pop() ?? "").split("-");
  const os = parts.find((part) => OPERATING_SYSTEMS.includes(part));
  const cpu = parts.map((part) => CPUS[part]).find(Boolean);
  if (!cpu) return null;
  const libc = parts.some((part) => part.startsWith("musl"))
    ? ["musl"]
    : parts.some((part) => part.startsWith("gnu"))
      ? ["glibc"]
      : undefined;
  return { ...(os ? { os: [os] } : {}), cpu: [cpu], ...(libc ? { libc } : {}) };
}

function isExactVersion(range: string): boolean {
  return /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range);
}

const file = "package-lock.json";
const lock = JSON.parse(readFileSync(file, "utf8")) as Lockfile;
const added: string[] = [];
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ""}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform || !isExactVersion(range)) continue;
    lock.packages[`node_modules/${name}`] = { version: range, optional: true, ...platform };
    added.push(`${name}@${range}`);
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === "" ? -1 : b === "" ? 1 : a.localeCompare(b),
  ),
);
writeFileSync(file, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(
  added.length
    ? `Added ${added.length} platform packages:\n  ${added.join("\n  ")}`
    : "The lockfile is complete.",
);
