import type { ReactNode } from 'react';

/** A column heading; `num` right-aligns numeric columns. */
export type Column = string | { label: string; num: true };

export const numeric = (label: string): Column => ({ label, num: true });

interface DataTableProps {
  columns: Column[];
  /** Adds the trailing "Actions" heading; rows add the matching cell themselves. */
  actions?: boolean;
  /** The <tr> rows. */
  children: ReactNode;
}

/** The scrollable table shell every list shares: headings, then the caller's rows. */
export function DataTable({ columns, actions, children }: DataTableProps) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column}>{column}</th>
              ) : (
                <th key={column.label} className="num">
                  {column.label}
                </th>
              ),
            )}
            {actions && <th className="actions">Actions</th>}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
