// A separate app process for the token-race test: at BURST_START_AT it makes BURST_COUNT
// concurrent Zoom API calls on one connection and prints how they went as one JSON line.
import { db } from "@/lib/db/db";
import { getZoomUser } from "@/lib/zoom/api/users";

async function main() {
  const connectionId = process.env.BURST_CONNECTION_ID ?? "";
  const count = Number(process.env.BURST_COUNT ?? "50");
  const startAt = Number(process.env.BURST_START_AT ?? "0");
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
  const results = await Promise.allSettled(
    Array.from({ length: count }, () => getZoomUser({ id: connectionId }, "me")),
  );
  const errors = results.flatMap((result) =>
    result.status === "rejected" ? [String(result.reason)] : [],
  );
  console.log(JSON.stringify({ ok: count - errors.length, errors }));
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ ok: 0, errors: [String(error)] }));
  process.exit(1);
});
