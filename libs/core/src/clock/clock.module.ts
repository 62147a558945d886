import { Global, Module } from '@nestjs/common';
import { TenantModule } from '../tenant/tenant.module';
import { Clock } from './clock';
import { TenantTimeZones } from './tenant-time-zones';

/** One Clock per process, so a test that moves it moves it for every service. */
@Global()
@Module({ imports: [TenantModule], providers: [Clock, TenantTimeZones], exports: [Clock, TenantTimeZones] })
export class ClockModule {}
