import { Module } from '@nestjs/common';
import { UsageBatchStore } from './usage-batch.store';
import { UsagePartitionService } from './usage-partition.service';
import { UsageRecorderService } from './usage-recorder.service';

/** Recording (buffer and flusher) and partition maintenance; the HTTP side lives in UsageReportsModule so the worker needs no guards. */
@Module({ providers: [UsageRecorderService, UsageBatchStore, UsagePartitionService], exports: [UsageRecorderService] })
export class UsageModule {}
