import type { NoShowsByProvider } from "@/lib/reports/types";

import { ChartFrame } from "./chart-frame";
import { formatPercent } from "./report-format";

const WIDTH = 720;
const ROW = 28;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 56;

/** No-show rate per provider as horizontal bars (0–100%), inline SVG with a name and a summary. */
export function NoShowChart({ providers }: { providers: NoShowsByProvider[] }) {
  const rows = providers.filter((provider) => provider.dueVisits > 0);
  const height = Math.max(1, rows.length) * ROW + 8;
  const barWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const worst = rows.reduce<NoShowsByProvider | null>(
    (found, row) =>
      !found || row.noShows / row.dueVisits > found.noShows / found.dueVisits ? row : found,
    null,
  );
  return (
    <ChartFrame
      id="no-show-chart"
      title="No-show rate per provider"
      description={
        worst
          ? `${rows.length} providers had visits due; the highest no-show rate was ${formatPercent(worst.noShows, worst.dueVisits)}.`
          : "No visits were due in this range."
      }
      width={WIDTH}
      height={height}
    >
      {rows.map((row, index) => {
        const y = 4 + index * ROW;
        const share = row.noShows / row.dueVisits;
        return (
          <g key={row.providerId}>
            <text
              x={LABEL_WIDTH - 8}
              y={y + 17}
              textAnchor="end"
              className="fill-slate-800 text-[12px]"
            >
              {row.providerName.length > 28
                ? `${row.providerName.slice(0, 27)}…`
                : row.providerName}
              <title>{row.providerName}</title>
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y + 4}
              width={barWidth}
              height={ROW - 10}
              className="fill-slate-100"
            />
            <rect
              x={LABEL_WIDTH}
              y={y + 4}
              width={Math.max(0, share * barWidth)}
              height={ROW - 10}
              className="fill-amber-600"
            >
              <title>{`${row.providerName}: ${row.noShows} of ${row.dueVisits}`}</title>
            </rect>
            <text x={WIDTH - VALUE_WIDTH + 6} y={y + 17} className="fill-slate-800 text-[12px]">
              {formatPercent(row.noShows, row.dueVisits)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
