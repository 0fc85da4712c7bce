import { Global, Module } from '@nestjs/common';
import { MembershipsService } from './memberships.service';
import { OrgsController } from './orgs.controller';
import { OrgsService } from './orgs.service';

@Global()
@Module({
  controllers: [OrgsController],
  providers: [OrgsService, MembershipsService],
  exports: [OrgsService, MembershipsService],
})
export class OrgsModule {}
