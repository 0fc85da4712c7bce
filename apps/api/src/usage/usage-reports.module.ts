import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { UsageDeadLettersService } from './usage-dead-letters.service';
import { UsageReportService } from './usage-report.service';
import { UsageController } from './usage.controller';

@Module({ imports: [KeysModule], controllers: [UsageController], providers: [UsageReportService, UsageDeadLettersService] })
export class UsageReportsModule {}
