import './meters.css';

interface UsageBarProps {
  /** What is measured, for assistive tech: "Usage of Monthly budget". */
  label: string;
  /** used / limit; above 1 when a soft quota was overrun. */
  share: number;
  /** Percent marks along the bar (soft thresholds). */
  marks?: number[];
}

/** A quota's consumption: the filled part is used / limit, ticks mark the thresholds. */
export function UsageBar({ label, share, marks = [] }: UsageBarProps) {
  const percent = Math.round(share * 100);
  const tone = share >= 1 ? 'danger' : marks.some((mark) => percent >= mark) ? 'warning' : 'ok';
  return (
    <div className="usage-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(percent, 100)} aria-valuetext={`${percent}%`}>
      <div className={`usage-bar-fill usage-bar-${tone}`} style={{ width: `${Math.min(percent, 100)}%` }} />
      {marks.map((mark) => (
        <span key={mark} className="usage-bar-mark" style={{ left: `${Math.min(mark, 100)}%` }} title={`${mark}% threshold`} />
      ))}
    </div>
  );
}
