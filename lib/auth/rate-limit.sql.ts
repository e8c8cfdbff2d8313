import "server-only";

import { Prisma } from "@/generated/prisma/client";

export type RateLimitHitRow = { hits: number; retryAfter: number };

/**
 * One hit on a counter, atomically: a new window starts once the last one is over. Returns the
 * window's hits and the seconds until it ends.
 */
export const buildHitRateLimitSql = (key: string, windowSeconds: number) => Prisma.sql`
  INSERT INTO "RateLimitCounter" ("key", "windowStart", "hits")
  VALUES (${key}, now(), 1)
  ON CONFLICT ("key") DO UPDATE SET
    "hits" = CASE WHEN "RateLimitCounter"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                  THEN 1 ELSE "RateLimitCounter"."hits" + 1 END,
    "windowStart" = CASE WHEN "RateLimitCounter"."windowStart" <= now() - make_interval(secs => ${windowSeconds})
                  THEN now() ELSE "RateLimitCounter"."windowStart" END
  RETURNING "hits",
    GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${windowSeconds}) - now()))))::int AS "retryAfter"`;
