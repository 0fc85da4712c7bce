import type { AuditEntryView } from '@ai-router/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys } from '../../api/org-queries';
import { Badge } from '../../components/badge';
import { QueryState } from '../../components/query-state';
import { formatDateTime } from '../../lib/format';
import { Link } from '../../router/link';
import { orgPath } from '../../router/routes';

const LIMIT = 8;

export function RecentActivity({ orgId }: { orgId: string }) {
  const entries = useQuery({
    queryKey: orgKeys.audit(orgId, null, LIMIT),
    queryFn: ({ signal }) => api.get<AuditEntryView[]>(orgApi(orgId, `/audit-log?limit=${LIMIT}`), { signal }),
  });
  return (
    <div className="card">
      <div className="card-header">
        <h2>Recent activity</h2>
        <Link href={orgPath(orgId, '/audit')}>View audit log</Link>
      </div>
      <QueryState query={entries} label="recent activity" isEmpty={(e) => e.length === 0} empty={<p className="card-body muted">Nothing has happened in this organisation yet.</p>}>
        {(list) => (
          <ul className="activity-list">
            {list.map((entry) => (
              <li key={entry.id}>
                <code className="activity-action">{entry.action}</code>
                <span className="muted">{entry.actorEmail ?? 'system'}</span>
                {entry.status >= 400 && <Badge tone="danger">{entry.status}</Badge>}
                <time className="activity-time" dateTime={entry.createdAt}>
                  {formatDateTime(entry.createdAt)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  );
}
