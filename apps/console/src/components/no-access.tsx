import { EmptyState } from './empty-state';

/** A page the role cannot open: says so, and loads nothing. */
export function NoAccess({ what, role }: { what: string; role: string }) {
  return (
    <EmptyState badge="No access" title={`Your role can't view ${what}`}>
      <p>
        You are a <strong>{role}</strong> in this organisation. Ask an admin if you need access.
      </p>
    </EmptyState>
  );
}
