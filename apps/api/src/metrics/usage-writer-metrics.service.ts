import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge, Histogram } from 'prom-client';

const BACKLOG = 'ai_router_usage_writer_backlog';
const FAILURES = 'ai_router_usage_writer_failures_total';
const FLUSH = 'ai_router_usage_writer_flush_duration_seconds';
const WRITTEN = 'ai_router_usage_writer_rows_total';
const REJECTED = 'ai_router_usage_writer_rejected_total';

export const USAGE_WRITER_METRIC_PROVIDERS = [
  makeGaugeProvider({ name: BACKLOG, help: 'Usage records waiting to be written (with Redis: the shared buffer as this instance last saw it)', aggregator: 'max' }),
  makeCounterProvider({ name: FAILURES, help: 'Usage batch writes that failed (the batch stays buffered and is retried)' }),
  makeHistogramProvider({ name: FLUSH, help: 'Duration of one usage batch transaction', buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] }),
  makeCounterProvider({ name: WRITTEN, help: 'Usage rows inserted (replayed records are not counted again)' }),
  makeCounterProvider({ name: REJECTED, help: 'Usage records the database refused while reachable; set aside in the error log' }),
];

@Injectable()
export class UsageWriterMetricsService {
  constructor(
    @InjectMetric(BACKLOG) private readonly backlogGauge: Gauge<string>,
    @InjectMetric(FAILURES) private readonly failures: Counter<string>,
    @InjectMetric(FLUSH) private readonly flush: Histogram<string>,
    @InjectMetric(WRITTEN) private readonly written: Counter<string>,
    @InjectMetric(REJECTED) private readonly refused: Counter<string>,
  ) {}

  backlog(records: number): void {
    this.backlogGauge.set(records);
  }

  flushed(seconds: number, inserted: number): void {
    this.flush.observe(seconds);
    this.written.inc(inserted);
  }

  failed(): void {
    this.failures.inc();
  }

  rejected(): void {
    this.refused.inc();
  }
}
