import { Global, Module } from '@nestjs/common';
import { PrivateHostsService } from '../security/private-hosts.service';
import { PlatformController } from './platform.controller';

@Global()
@Module({ controllers: [PlatformController], providers: [PrivateHostsService], exports: [PrivateHostsService] })
export class PlatformModule {}
