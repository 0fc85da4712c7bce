import type { ReactNode } from 'react';
import './full-page-status.css';

interface FullPageStatusProps {
  title: string;
  /** `status` for progress, `alert` for failures, so screen readers announce the change. */
  role: 'status' | 'alert';
  children?: ReactNode;
}

/** Centred message for states where there is no shell yet: loading the session, or failing to. */
export function FullPageStatus({ title, role, children }: FullPageStatusProps) {
  return (
    <div className="full-page-status" role={role}>
      <div className="brand-mark" aria-hidden="true" />
      <h1>{title}</h1>
      {children}
    </div>
  );
}
