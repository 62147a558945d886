import { Logger, Module } from '@nestjs/common';
import { REDIS } from '@scrm/platform';
import { WeComSdkModule } from '@scrm/wechat-work-sdk';
import type Redis from 'ioredis';
import { TenantModule } from '../tenant/tenant.module';
import { TenantWeCom } from './tenant-wecom.service';

const sdkLogger = new Logger('WeCom');

/** Wires the SDK to the process's shared Redis connection and hands out per-tenant clients. */
@Module({
  imports: [
    TenantModule,
    WeComSdkModule.forRoot({
      inject: [REDIS],
      redis: (redis: Redis) => redis,
      options: {
        logger: {
          debug: (msg, fields) => sdkLogger.debug({ msg, ...fields }),
          warn: (msg, fields) => sdkLogger.warn({ msg, ...fields }),
          error: (msg, fields) => sdkLogger.error({ msg, ...fields }),
        },
      },
    }),
  ],
  providers: [TenantWeCom],
  exports: [TenantWeCom],
})
export class WeComModule {}
