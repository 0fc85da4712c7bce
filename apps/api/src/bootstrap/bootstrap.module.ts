import { Module } from '@nestjs/common';
import { KeysModule } from '../keys/keys.module';
import { ModelsModule } from '../models/models.module';
import { ProvidersModule } from '../providers/providers.module';
import { BootstrapService } from './bootstrap.service';
import { DemoSeederService } from './demo-seeder.service';

@Module({
  imports: [ProvidersModule, ModelsModule, KeysModule],
  providers: [BootstrapService, DemoSeederService],
  exports: [BootstrapService],
})
export class BootstrapModule {}
