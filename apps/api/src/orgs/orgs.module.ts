import { Global, Module } from '@nestjs/common';
import { MembershipsService } from './memberships.service';
import { OrgsService } from './orgs.service';

@Global()
@Module({
  providers: [OrgsService, MembershipsService],
  exports: [OrgsService, MembershipsService],
})
export class OrgsModule {}
