import type { RequestBodyView } from '@ai-router/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import { orgApi, orgKeys } from '../../api/org-queries';
import { QueryState } from '../../components/query-state';

const notLogged = (error: unknown) => error instanceof ApiError && error.status === 404;

/** The stored, masked prompt and answer of a request, when the org logs bodies; nothing is stored otherwise. */
export function RequestBody({ orgId, requestId }: { orgId: string; requestId: string }) {
  const body = useQuery({
    queryKey: [...orgKeys.requests(orgId), 'body', requestId],
    queryFn: ({ signal }) => api.get<RequestBodyView>(orgApi(orgId, `/requests/${encodeURIComponent(requestId)}/body`), { signal }),
    retry: (count, error) => !notLogged(error) && count < 2,
  });
  if (body.isError && notLogged(body.error)) {
    return <p className="muted">No body was stored: this organisation does not log request bodies, or they have passed their retention.</p>;
  }
  return (
    <QueryState query={body} label="the request body">
      {(b) => (
        <>
          {b.truncated && <p className="muted">Cut to the stored size limit.</p>}
          <details>
            <summary>Request</summary>
            <pre className="details-json">{b.request}</pre>
          </details>
          <details>
            <summary>Response</summary>
            <pre className="details-json">{b.response ?? 'No answer was sent.'}</pre>
          </details>
        </>
      )}
    </QueryState>
  );
}
