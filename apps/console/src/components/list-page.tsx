import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { EmptyState } from './empty-state';
import { QueryState } from './query-state';

interface ListQueryProps<T> {
  query: UseQueryResult<T[]>;
  /** What is loading, for the status line: "models". */
  label: string;
  emptyTitle: string;
  /** Shown under the empty title: what the list is for, and usually the create button. */
  empty: ReactNode;
  children(list: T[]): ReactNode;
}

/** A page's main list: loading, failed, an explained empty state, or the rows. */
export function ListQuery<T>({ query, label, emptyTitle, empty, children }: ListQueryProps<T>) {
  return (
    <QueryState query={query} label={label} isEmpty={(list) => list.length === 0} empty={<EmptyState title={emptyTitle}>{empty}</EmptyState>}>
      {children}
    </QueryState>
  );
}

/** The page's primary "create" action, shown both in the header and in the empty state. */
export function CreateButton({ label, disabled, onClick }: { label: string; disabled?: boolean; onClick(): void }) {
  return (
    <button type="button" className="button button-primary" onClick={onClick} disabled={disabled}>
      {label}
    </button>
  );
}

/**
 * Which dialog a list page has open. Closing also resets the mutations, so a dialog opened
 * later does not show the previous one's error.
 */
export function useOpenDialog<T>(mutations: { reset(): void }[]) {
  const [open, setOpen] = useState<T | null>(null);
  const close = () => {
    setOpen(null);
    mutations.forEach((mutation) => mutation.reset());
  };
  return [open, setOpen, close] as const;
}
