import type { ReactNode } from 'react';
import './empty-state.css';

export function EmptyState({ badge, title, children }: { badge?: string; title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      {badge && <span className="badge">{badge}</span>}
      <h2>{title}</h2>
      {children}
    </div>
  );
}
