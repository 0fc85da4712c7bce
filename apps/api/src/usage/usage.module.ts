import { Module } from '@nestjs/common';
import { UsageRecorderService } from './usage-recorder.service';

/** Recording (the queue processor); the HTTP side lives in UsageReportsModule so the worker needs no guards. */
@Module({ providers: [UsageRecorderService], exports: [UsageRecorderService] })
export class UsageModule {}
