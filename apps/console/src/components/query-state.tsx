import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert';

export function Loading({ label }: { label: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      Loading {label}…
    </div>
  );
}

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** What is loading, for the status line: "API keys". */
  label: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** The three states every list has before its rows: loading, failed (with retry), and empty. */
export function QueryState<T>({ query, label, isEmpty, empty, children }: QueryStateProps<T>) {
  if (query.isPending) return <Loading label={label} />;
  if (query.isError) return <ErrorAlert title={`Couldn't load ${label}.`} error={query.error} onRetry={() => query.refetch()} />;
  if (isEmpty?.(query.data) && empty) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
