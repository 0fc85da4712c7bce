import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';

export interface ListQuery {
  limit: number;
  /** Keyset cursor: the `createdAt` of the last item of the previous page. */
  before: Date | null;
}

/** Query strings of the list endpoints: `limit` 1-200 (default 50), `before` an ISO time. */
export function parseListQuery(limit: string | undefined, before: string | undefined): ListQuery {
  const n = limit === undefined ? 50 : Number(limit);
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new AppException(AppErrorCode.ValidationFailed, 'limit must be an integer from 1 to 200', { param: 'limit' });
  const at = before === undefined ? null : new Date(before);
  if (at && Number.isNaN(at.getTime())) throw new AppException(AppErrorCode.ValidationFailed, 'before must be an ISO date-time', { param: 'before' });
  return { limit: n, before: at };
}
