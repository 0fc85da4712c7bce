import { useEffect } from 'react';

/** Page title and subtitle; also names the browser tab after the page. */
export function PageHeader({ title, summary }: { title: string; summary?: string }) {
  useEffect(() => {
    document.title = `${title} · AI Router`;
  }, [title]);
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {summary && <p>{summary}</p>}
    </header>
  );
}
