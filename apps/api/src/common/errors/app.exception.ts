import { APP_ERROR_STATUS, AppErrorCode } from './app-error-code';

export interface AppExceptionOptions {
  param?: string | null;
  /** Overrides the table's status, e.g. to relay an upstream 4xx as is. */
  status?: number;
  /** OpenAI error type override for relayed upstream errors. */
  openaiType?: string;
  /** OpenAI error code override for relayed upstream errors. */
  openaiCode?: string | null;
  retryAfterSeconds?: number;
}

/** The one exception type of the app; filters render it per surface (/v1 OpenAI envelope, /api app shape). */
export class AppException extends Error {
  readonly status: number;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly options: AppExceptionOptions = {},
  ) {
    super(message);
    this.status = options.status ?? APP_ERROR_STATUS[code];
  }

  static notFound(what: string): AppException {
    return new AppException(AppErrorCode.NotFound, `${what} not found`);
  }
}
