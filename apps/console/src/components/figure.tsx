import type { ReactNode } from 'react';
// The dashboard's stat tiles set the type; a figure is the same tile without the link.
import '../pages/dashboard/dashboard.css';
import './meters.css';

/** One headline number of a monitoring page: a label, the value and a line of context. Lay out in a `.stat-grid`. */
export function Figure({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <div className="figure" data-figure={label}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
      {detail && <span className="stat-detail">{detail}</span>}
    </div>
  );
}
