import { Global, Module } from '@nestjs/common';
import { WindowCounterService } from './window-counter.service';

@Global()
@Module({ providers: [WindowCounterService], exports: [WindowCounterService] })
export class CountersModule {}
