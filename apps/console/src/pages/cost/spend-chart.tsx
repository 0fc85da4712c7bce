import type { CostReport } from '@ai-router/contracts';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDollars } from '../../lib/dollars';

const COLORS = ['#4f46e5', '#0891b2', '#d97706', '#059669', '#db2777', '#7c3aed', '#65a30d', '#dc2626'];
/** Beyond this many models the smallest are summed as "other", so the legend stays readable. */
const MAX_SERIES = COLORS.length - 1;
const OTHER = 'other models';

/** Spend per UTC day, stacked by model. Bar heights are floats for drawing only; labels use the exact strings. */
export function SpendChart({ report }: { report: CostReport }) {
  const ranked = [...report.byModel].sort((a, b) => Number(b.cost) - Number(a.cost)).map((m) => m.model);
  const shown = ranked.length > MAX_SERIES + 1 ? ranked.slice(0, MAX_SERIES) : ranked;
  const series = ranked.length > shown.length ? [...shown, OTHER] : shown;
  const byDay = new Map<string, Record<string, number | string>>();
  for (const { day } of report.byDay) byDay.set(day, { day });
  for (const row of report.rows) {
    const entry = byDay.get(row.day) ?? { day: row.day };
    const name = shown.includes(row.model) ? row.model : OTHER;
    entry[name] = (Number(entry[name] ?? 0)) + Number(row.cost);
    byDay.set(row.day, entry);
  }
  const data = [...byDay.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  return (
    <div className="spend-chart" role="img" aria-label={`Spend per day by model, ${data.length} days with spend`}>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e3e6eb" />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => formatDollars(v.toFixed(9))} width={72} />
          <Tooltip formatter={(v) => formatDollars(Number(v).toFixed(9))} />
          <Legend />
          {series.map((model, i) => (
            <Bar key={model} dataKey={model} stackId="spend" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
