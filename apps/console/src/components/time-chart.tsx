import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompact } from '../lib/format';
import './charts.css';

export interface TimePoint {
  /** ISO time of the bucket. */
  time: string;
  value: number | null;
}

interface TimeChartProps {
  title: string;
  /** The headline figure next to the title (a total, a rate). */
  total: string;
  points: TimePoint[];
  step: 'hour' | 'day';
  format(value: number): string;
  /** Axis ticks, when the tooltip's format is too long for them (default: 1.2K). */
  axisFormat?(value: number): string;
  /** A fixed axis range, for rates: [0, 1]. */
  domain?: [number, number];
  /** Counts: no ticks between whole numbers. */
  integers?: boolean;
}

const hour = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/** One metric over time, as a small area chart with its total. */
export function TimeChart({ title, total, points, step, format, axisFormat = formatCompact, domain, integers }: TimeChartProps) {
  const tick = (iso: string) => (step === 'hour' ? hour : day).format(new Date(iso));
  return (
    <figure className="chart-card" aria-label={title}>
      <figcaption>
        <span className="stat-label">{title}</span>
        <span className="chart-total" data-metric={title}>
          {total}
        </span>
      </figcaption>
      <div className="chart-plot">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-border)" />
            <XAxis dataKey="time" tickFormatter={tick} tick={{ fontSize: 11 }} minTickGap={24} />
            <YAxis tickFormatter={axisFormat} tick={{ fontSize: 11 }} width={72} domain={domain ?? [0, 'auto']} allowDecimals={!integers} />
            <Tooltip labelFormatter={(label) => (step === 'hour' ? hour : day).format(new Date(String(label)))} formatter={(v) => [format(Number(v)), title]} />
            <Area type="linear" dataKey="value" stroke="var(--color-primary)" fill="var(--color-primary)" fillOpacity={0.12} dot={{ r: 2 }} connectNulls isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
