import { vi } from "vitest";

/**
 * Imports modules anew, so that they read the environment as it is now (lib/env caches what it
 * read). The database client is shared on globalThis and stays.
 */
export async function loadFresh<T>(load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  return load();
}
