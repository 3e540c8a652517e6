import { formatUsd } from "@/lib/money/format";

type Props = {
  title: string;
  description: string;
  tableLabel: string;
  dayLabel: string;
  amountLabel: string;
  days: { day: string; cents: number }[];
};

const W = 720;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 56 };

/** A "nice" axis top: 1, 2 or 5 times a power of ten, at least the largest value. */
function niceMax(value: number): number {
  if (value <= 0) return 100;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((m) => m * power).find((n) => n >= value) ?? 10 * power) as number;
}

/**
 * Spend per day as an SVG bar chart drawn here (no chart library). The SVG is one labelled image
 * with a summary; each bar carries a <title> for pointer users, and the same numbers follow as a
 * table for screen readers and anyone who wants exact figures.
 */
export function SpendBarChart({ title, description, tableLabel, dayLabel, amountLabel, days }: Props) {
  const max = niceMax(Math.max(0, ...days.map((d) => d.cents)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, days.length);
  const barW = Math.max(2, step * 0.7);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  return (
    <figure className="flex flex-col gap-3">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="spend-chart-title spend-chart-desc"
        className="h-auto w-full text-slate-500"
      >
        <title id="spend-chart-title">{title}</title>
        <desc id="spend-chart-desc">{description}</desc>
        {ticks.map((tick) => {
          const y = PAD.top + plotH - (tick / max) * plotH;
          return (
            <g key={tick}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} stroke="currentColor" strokeOpacity={0.2} />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end" fontSize={11} fill="currentColor">
                {formatUsd(tick)}
              </text>
            </g>
          );
        })}
        {days.map((d, i) => {
          const h = (d.cents / max) * plotH;
          const x = PAD.left + i * step + (step - barW) / 2;
          const dayNumber = Number(d.day.slice(8));
          return (
            <g key={d.day}>
              <rect
                x={x}
                y={PAD.top + plotH - h}
                width={barW}
                height={Math.max(h, d.cents > 0 ? 1 : 0)}
                rx={2}
                className="fill-brand-600"
                data-day={d.day}
                data-cents={d.cents}
              >
                <title>{`${d.day}: ${formatUsd(d.cents)}`}</title>
              </rect>
              {dayNumber === 1 || dayNumber % 5 === 0 ? (
                <text x={x + barW / 2} y={H - 10} textAnchor="middle" fontSize={11} fill="currentColor">
                  {dayNumber}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-100">
          {tableLabel}
        </summary>
        <table className="mt-2 w-full max-w-sm text-sm">
          <thead>
            <tr className="text-left text-slate-500">
              <th scope="col" className="py-1 font-medium">
                {dayLabel}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {amountLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1 tabular-nums">{d.day}</td>
                <td className="py-1 text-right tabular-nums">{formatUsd(d.cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
