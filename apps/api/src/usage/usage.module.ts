import { Module } from '@nestjs/common';
import { UsageRecorderService } from './usage-recorder.service';

@Module({ providers: [UsageRecorderService], exports: [UsageRecorderService] })
export class UsageModule {}
