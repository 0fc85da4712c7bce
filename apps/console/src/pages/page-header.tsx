import { useEffect, type ReactNode } from 'react';

/** Page title, subtitle and page-level actions; also names the browser tab after the page. */
export function PageHeader({ title, summary, actions }: { title: string; summary?: string; actions?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · AI Router`;
  }, [title]);
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {summary && <p>{summary}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}
