// One JSON line per request or delivery on stderr. Fields are ids, methods, paths and statuses
// only: never tokens, secrets, names, emails or bodies.

export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type Logger = (event: string, fields?: LogFields) => void;

export function createStderrLogger(): Logger {
  return (event, fields = {}) => {
    // `event` goes last so a field can never overwrite it.
    process.stderr.write(`${JSON.stringify({ ts: new Date().toISOString(), ...fields, event })}\n`);
  };
}

export function createSilentLogger(): Logger {
  return () => undefined;
}
