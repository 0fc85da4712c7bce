import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RequestBodyView } from '@ai-router/contracts';
import { REQUEST_LOG_RETENTION_DAYS_DEFAULT } from '@ai-router/contracts';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { OrgActor } from '../auth/auth-user';
import { can } from '../auth/permissions';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import { LOGGER } from '../common/logger.module';
import type { PiiMasker } from '../pii/pii-masker';
import { cutPoint } from '../pii/pii-scan';
import { MessageQueueService } from '../queue/message-queue.service';
import { QueueName } from '../queue/message-queue.port';
import type { BodyCapture } from './body-capture';
import { RequestBody } from './request-body.entity';

const WRITE_JOB = 'write';
const PURGE_JOB = 'purge-expired';
const PURGE_EVERY_MS = 60 * 60_000;
/** Each stored body is cut to this many characters of JSON text (after masking, so no PII is half cut). */
export const MAX_STORED_BODY_CHARS = 64 * 1024;

/** The queue payload: already masked and bounded, so no raw PII reaches Redis. */
interface BodyJob {
  requestId: string;
  orgId: string;
  status: number;
  request: string;
  response: string | null;
  truncated: boolean;
}

/**
 * Stores request/response bodies for orgs that turned body logging on: masked and bounded after the
 * response is sent, written by a queue worker, and deleted by an hourly sweep once older than the org's
 * retention.
 */
@Injectable()
export class RequestBodiesService implements OnApplicationBootstrap {
  constructor(
    private readonly queue: MessageQueueService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const registered = this.queue.process(QueueName.RequestBodies, async (job) => {
      if (job.name === PURGE_JOB) await this.purgeExpired();
      else await this.write(job.data as BodyJob);
    }, 4);
    if (registered) await this.queue.schedule(QueueName.RequestBodies, PURGE_JOB, PURGE_EVERY_MS);
  }

  /** Called when a request of a logging org finishes; the masking runs on a later tick, never in the request. */
  keep(masker: PiiMasker, orgId: string, requestId: string, status: number, capture: BodyCapture): void {
    setImmediate(() => {
      let job: BodyJob;
      try {
        job = maskedJob(masker, orgId, requestId, status, capture);
      } catch (err) {
        this.logger.error({ reqId: requestId, err: (err as Error).message }, 'request body could not be prepared for the log');
        return;
      }
      this.queue.add(QueueName.RequestBodies, WRITE_JOB, job, { jobId: `body-${requestId}` }).catch((err: Error) => {
        this.logger.warn({ reqId: requestId, err: err.message }, 'request body not logged: queue unavailable');
      });
    });
  }

  /**
   * One request's bodies. Like the request logs, a caller without `requests:manage` (a developer) reads
   * only requests made with their own keys; any other answers 404.
   */
  async get(actor: OrgActor, requestId: string): Promise<RequestBodyView> {
    const row = isUuid(requestId) ? await this.db.getRepository(RequestBody).findOneBy({ orgId: actor.orgId, requestId }) : null;
    if (!row || !(can(actor.role, 'requests:manage') || (await this.madeBy(actor, requestId)))) throw AppException.notFound('request body');
    return {
      requestId: row.requestId, status: row.status, request: row.requestBody, response: row.responseBody,
      truncated: row.truncated, createdAt: row.createdAt.toISOString(),
    };
  }

  private async madeBy(actor: OrgActor, requestId: string): Promise<boolean> {
    const rows = (await this.db.query(
      'SELECT 1 FROM usage_logs u JOIN api_keys k ON k.id = u.api_key_id WHERE u.org_id = $1 AND u.request_id = $2 AND k.user_id = $3 LIMIT 1',
      [actor.orgId, requestId, actor.id],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Deletes bodies older than their org's retention; returns how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.db.createQueryBuilder().delete().from(RequestBody)
      .where(`request_id IN (
        SELECT b.request_id FROM request_bodies b JOIN orgs o ON o.id = b.org_id
         WHERE b.created_at < now() - make_interval(days => COALESCE((o.request_logging->>'retentionDays')::int, :days)))`,
      { days: REQUEST_LOG_RETENTION_DAYS_DEFAULT })
      .execute();
    const deleted = result.affected ?? 0;
    if (deleted) this.logger.info({ deleted }, 'expired request bodies deleted');
    return deleted;
  }

  private async write(job: BodyJob): Promise<void> {
    await this.db.getRepository(RequestBody).createQueryBuilder().insert()
      .values({
        requestId: job.requestId, orgId: job.orgId, status: job.status, requestBody: job.request,
        responseBody: job.response, truncated: job.truncated,
      })
      .orIgnore()
      .execute();
  }
}

function maskedJob(masker: PiiMasker, orgId: string, requestId: string, status: number, capture: BodyCapture): BodyJob {
  const answer = capture.answer();
  const request = bounded(JSON.stringify(masker.maskJson(capture.request), withoutBinary));
  const response = answer.value === null ? null : bounded(JSON.stringify(masker.maskJson(answer.value), withoutBinary));
  return {
    requestId, orgId, status, request: request.text, response: response?.text ?? null,
    truncated: answer.truncated || request.cut || Boolean(response?.cut),
  };
}

/** Uploaded files (image edits) are named by size, not spelled out byte by byte. */
function withoutBinary(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? `[binary ${value.byteLength} bytes]` : value;
}

function bounded(text: string): { text: string; cut: boolean } {
  if (text.length <= MAX_STORED_BODY_CHARS) return { text, cut: false };
  return { text: text.slice(0, cutPoint(text, MAX_STORED_BODY_CHARS)), cut: true };
}
