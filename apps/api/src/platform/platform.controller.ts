import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type PrivateHosts, privateHostsSchema } from '@ai-router/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import { assertPlatformOwner } from '../auth/platform-owner';
import { ZodBody } from '../common/zod-body.decorator';
import { PrivateHostsService } from '../security/private-hosts.service';

/** Installation-wide settings: the platform owner's alone. */
@ApiTags('platform')
@Controller('api/platform')
export class PlatformController {
  constructor(private readonly privateHosts: PrivateHostsService) {}

  @Get('private-hosts')
  @Authenticated()
  list(@CurrentUser() user: AuthUser): PrivateHosts {
    assertPlatformOwner(user, 'platform settings');
    return { hosts: this.privateHosts.list() };
  }

  @Put('private-hosts')
  @Authenticated()
  async replace(@CurrentUser() user: AuthUser, @ZodBody(privateHostsSchema) body: PrivateHosts): Promise<PrivateHosts> {
    assertPlatformOwner(user, 'platform settings');
    return { hosts: await this.privateHosts.replace(body.hosts) };
  }
}
