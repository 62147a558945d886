import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { ActiveTenantCache } from './active-tenant.cache';
import { Tenant } from './tenant.entity';
import { TenantService } from './tenant.service';

@Module({
  imports: [TypeOrmModule.forFeature([Tenant]), AccessModule],
  providers: [TenantService, ActiveTenantCache],
  exports: [TenantService, ActiveTenantCache],
})
export class TenantModule {}
