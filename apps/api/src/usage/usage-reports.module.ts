import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { UsageReportService } from './usage-report.service';
import { UsageController } from './usage.controller';

@Module({ imports: [KeysModule], controllers: [UsageController], providers: [UsageReportService] })
export class UsageReportsModule {}
