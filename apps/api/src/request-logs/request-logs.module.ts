import { Module } from '@nestjs/common';
import { RequestLogsController } from './request-logs.controller';
import { RequestLogsRepository } from './request-logs.repository';
import { RequestLogsService } from './request-logs.service';

@Module({ controllers: [RequestLogsController], providers: [RequestLogsService, RequestLogsRepository] })
export class RequestLogsModule {}
