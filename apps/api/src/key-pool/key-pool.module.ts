import { Module } from '@nestjs/common';
import { KeyPoolService } from './key-pool.service';

@Module({ providers: [KeyPoolService], exports: [KeyPoolService] })
export class KeyPoolModule {}
