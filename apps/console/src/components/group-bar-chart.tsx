import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompact } from '../lib/format';
import './charts.css';

export interface GroupPoint {
  label: string;
  value: number;
}

/** One metric across groups (models, keys, members), largest first, as horizontal bars. */
export function GroupBarChart({ title, points, format, integers }: { title: string; points: GroupPoint[]; format(value: number): string; integers?: boolean }) {
  const height = Math.max(120, points.length * 32 + 40);
  return (
    <div className="chart-plot" style={{ height }} role="img" aria-label={`${title} by group`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="var(--color-border)" />
          <XAxis type="number" tickFormatter={integers ? formatCompact : format} tick={{ fontSize: 11 }} allowDecimals={!integers} />
          <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [format(Number(v)), title]} />
          <Bar dataKey="value" fill="var(--color-primary)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
