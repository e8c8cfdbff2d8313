import type { WaitByDay } from "@/lib/reports/types";

import { ChartFrame } from "./chart-frame";
import { formatMinutes, formatShortDate, niceCeiling } from "./report-format";

const WIDTH = 720;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 12, bottom: 32, left: 52 };
const MAX_LABELS = 8;

/**
 * Median wait per day as bars, drawn on the server as inline SVG (no chart library: a bar chart is
 * a few rectangles). The image has a name and a summary; the table beside it has every number.
 */
export function WaitByDayChart({ days }: { days: WaitByDay[] }) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const medians = days.flatMap((day) =>
    day.medianWaitMinutes === null ? [] : [day.medianWaitMinutes],
  );
  const top = niceCeiling(Math.max(0, ...medians));
  const slot = plotWidth / Math.max(1, days.length);
  const labelEvery = Math.ceil(days.length / MAX_LABELS);
  const y = (minutes: number) => MARGIN.top + plotHeight - (minutes / top) * plotHeight;
  const longest = medians.length > 0 ? Math.max(...medians) : null;
  return (
    <ChartFrame
      id="wait-chart"
      title="Median wait for the provider per day"
      description={
        medians.length === 0
          ? "No patient waited for a provider in this range."
          : `${medians.length} of ${days.length} days had waits; the longest daily median was ${formatMinutes(longest)}.`
      }
      width={WIDTH}
      height={HEIGHT}
    >
      {[0, top / 2, top].map((tick) => (
        <g key={tick}>
          <line
            x1={MARGIN.left}
            x2={WIDTH - MARGIN.right}
            y1={y(tick)}
            y2={y(tick)}
            className="stroke-slate-200"
          />
          <text
            x={MARGIN.left - 6}
            y={y(tick) + 4}
            textAnchor="end"
            className="fill-slate-600 text-[11px]"
          >
            {formatMinutes(tick)}
          </text>
        </g>
      ))}
      {days.map((day, index) => {
        const x = MARGIN.left + index * slot;
        return (
          <g key={day.date}>
            {day.medianWaitMinutes === null ? null : (
              <rect
                x={x + slot * 0.15}
                y={y(day.medianWaitMinutes)}
                width={Math.max(1, slot * 0.7)}
                height={Math.max(0, y(0) - y(day.medianWaitMinutes))}
                className="fill-blue-700"
              >
                <title>{`${formatShortDate(day.date)}: ${formatMinutes(day.medianWaitMinutes)} (${day.waitedVisits} visits)`}</title>
              </rect>
            )}
            {index % labelEvery === 0 ? (
              <text
                x={x + slot / 2}
                y={HEIGHT - 10}
                textAnchor="middle"
                className="fill-slate-600 text-[11px]"
              >
                {formatShortDate(day.date)}
              </text>
            ) : null}
          </g>
        );
      })}
    </ChartFrame>
  );
}
