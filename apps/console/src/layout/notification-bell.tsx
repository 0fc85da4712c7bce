import type { NotificationInboxView, NotificationView } from '@ai-router/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { orgApi, orgKeys, useInvalidate } from '../api/org-queries';
import { ErrorAlert } from '../components/error-alert';
import { Loading } from '../components/query-state';
import { formatDateTime } from '../lib/format';
import { Link } from '../router/link';
import { orgPath } from '../router/routes';
import './notification-bell.css';

const POLL_MS = 30_000;

/** The in-app inbox of the current org: an unread count in the header, the latest messages on click. */
export function NotificationBell({ orgId }: { orgId: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const invalidate = useInvalidate();
  const inbox = useQuery({
    queryKey: orgKeys.inbox(orgId),
    queryFn: ({ signal }) => api.get<NotificationInboxView>(orgApi(orgId, '/notifications?limit=20'), { signal }),
    refetchInterval: POLL_MS,
  });
  const onSuccess = () => invalidate(orgKeys.inbox(orgId));
  const markRead = useMutation({ mutationFn: (id: string) => api.post<NotificationView>(orgApi(orgId, `/notifications/${encodeURIComponent(id)}/read`)), onSuccess });
  const markAll = useMutation({ mutationFn: () => api.post(orgApi(orgId, '/notifications/read-all')), onSuccess });

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const unread = inbox.data?.unreadCount ?? 0;
  return (
    <div className="bell" ref={root}>
      <button
        type="button"
        className="button button-secondary button-small bell-button"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        aria-expanded={open}
        onClick={() => {
          // Opening shows the latest, without waiting for the next poll.
          if (!open) void inbox.refetch();
          setOpen(!open);
        }}
      >
        <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 && <span className="bell-count">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <section className="bell-panel" aria-label="Notifications">
          <header className="bell-header">
            <h2>Notifications</h2>
            {unread > 0 && (
              <button type="button" className="button button-ghost button-small" disabled={markAll.isPending} onClick={() => markAll.mutate()}>
                Mark all read
              </button>
            )}
          </header>
          {inbox.isPending ? (
            <Loading label="notifications" />
          ) : inbox.isError ? (
            <ErrorAlert error={inbox.error} onRetry={() => inbox.refetch()} />
          ) : inbox.data.items.length === 0 ? (
            <p className="bell-empty muted">Nothing yet. Messages sent to an in-app channel appear here.</p>
          ) : (
            <ul className="bell-list">
              {inbox.data.items.map((n) => (
                <li key={n.id} className={n.readAt ? 'bell-item' : 'bell-item bell-item-unread'}>
                  <div className="cell-strong">{n.title}</div>
                  <p className="bell-body">{n.body}</p>
                  <div className="bell-meta">
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                    {!n.readAt && (
                      <button type="button" className="button button-ghost button-small" disabled={markRead.isPending} onClick={() => markRead.mutate(n.id)}>
                        Mark read
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <footer className="bell-footer">
            <Link href={orgPath(orgId, '/notifications')} onClick={() => setOpen(false)}>
              Notification channels
            </Link>
          </footer>
        </section>
      )}
    </div>
  );
}
