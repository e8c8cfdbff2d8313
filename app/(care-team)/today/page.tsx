import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { BoardFilters } from "@/components/today/board-filters";
import { TodayBoard } from "@/components/today/today-board";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Role } from "@/generated/prisma/enums";
import { requireRole } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { addDays, instantToZonedTime } from "@/lib/time-zone";
import { getBoardSettings } from "@/lib/today/board-settings";
import { resolveBoardScope } from "@/lib/today/board-scope";
import { listBoardRows } from "@/lib/today/list-board-rows";
import { buildBoardQuerySchema } from "@/lib/today/schemas";
import { listVisitProviders } from "@/lib/visits/list-providers";

import { undoNoShowAction } from "./actions";

export const metadata: Metadata = { title: "Today" };

type TodayPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TodayPage({ searchParams }: TodayPageProps) {
  const viewer = await requireRole(Role.CARE_TEAM, Role.ADMIN);
  const today = instantToZonedTime(new Date(), viewer.timeZone).date;
  const parsed = buildBoardQuerySchema(today).safeParse(await searchParams);
  if (!parsed.success)
    return (
      <>
        <PageHeader title="Today" />
        <Alert tone="warning" title={parsed.error.issues[0]?.message ?? "Invalid filter"}>
          <Link href="/today" className="font-semibold underline">
            Show today&apos;s visits
          </Link>
        </Alert>
      </>
    );
  const query = parsed.data;
  const scope = await resolveBoardScope(viewer, query).catch((error: unknown) => {
    if (isAppError(error, "not_found")) notFound();
    throw error;
  });
  const [rows, settings, providers] = await Promise.all([
    listBoardRows({ viewer, scope }),
    getBoardSettings(viewer.organizationId),
    listVisitProviders({ viewer }),
  ]);
  const isPast = query.date < today;
  return (
    <>
      <PageHeader
        title="Today"
        description={query.date === today ? "Today's visits" : `Visits on ${query.date}`}
      />
      <BoardFilters
        date={query.date}
        today={today}
        previousDay={addDays(query.date, -1)}
        nextDay={addDays(query.date, 1)}
        who={query.who}
        providers={providers}
      />
      <TodayBoard
        key={`${query.date}|${query.who}`}
        initialRows={rows}
        timeZone={viewer.timeZone}
        thresholdMinutes={settings.waitingAlertMinutes}
        streamQuery={isPast ? null : `date=${query.date}&who=${query.who}`}
        viewerId={viewer.id}
        undoNoShow={undoNoShowAction}
      />
    </>
  );
}
