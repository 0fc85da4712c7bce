import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type PrivateHosts, privateHostsSchema } from '@ai-router/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
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
    assertOwner(user);
    return { hosts: this.privateHosts.list() };
  }

  @Put('private-hosts')
  @Authenticated()
  async replace(@CurrentUser() user: AuthUser, @ZodBody(privateHostsSchema) body: PrivateHosts): Promise<PrivateHosts> {
    assertOwner(user);
    return { hosts: await this.privateHosts.replace(body.hosts) };
  }
}

function assertOwner(user: AuthUser): void {
  if (!user.isPlatformOwner) throw new AppException(AppErrorCode.Forbidden, 'only the platform owner manages platform settings');
}
