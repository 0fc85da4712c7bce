import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';

/** Where the previous page ended: its last row's exact time (microseconds, as Postgres keeps it) and id. */
export interface RequestLogCursor {
  at: string;
  requestId: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Opaque to clients: base64url of the position, so the keyset can change without breaking the contract. */
export function encodeCursor(cursor: RequestLogCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.requestId])).toString('base64url');
}

export function decodeCursor(value: string): RequestLogCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && AT.test(parsed[0]) && typeof parsed[1] === 'string' && parsed[1].length <= 100) {
      return { at: parsed[0], requestId: parsed[1] };
    }
  } catch {
    // Falls through to the same answer as a well-formed but wrong cursor.
  }
  throw new AppException(AppErrorCode.ValidationFailed, 'cursor is not one this API returned', { param: 'cursor' });
}
