import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import type Redis from 'ioredis';
import { WeComSdkOptionsInput } from './sdk-options';
import { WeComClientFactory } from './wecom-client.factory';

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface WeComSdkModuleOptions {
  /** The app's shared ioredis connection; the SDK never creates or closes one. */
  redis: (...deps: any[]) => Redis | Promise<Redis>;
  /** SDK options, or a function of the injected deps (e.g. to pass a logger). */
  options?: WeComSdkOptionsInput | ((...deps: any[]) => WeComSdkOptionsInput | Promise<WeComSdkOptionsInput>);
  inject?: any[];
  imports?: ModuleMetadata['imports'];
  isGlobal?: boolean;
}

/** Provides WeComClientFactory: `factory.forTenant({ tenantKey, corpId, corpSecret, agentId, baseUrl })`. */
@Module({})
export class WeComSdkModule {
  static forRoot(config: WeComSdkModuleOptions): DynamicModule {
    return {
      module: WeComSdkModule,
      global: config.isGlobal ?? false,
      imports: config.imports ?? [],
      providers: [
        {
          provide: WeComClientFactory,
          inject: config.inject ?? [],
          useFactory: async (...deps: any[]) => {
            const options = typeof config.options === 'function' ? await config.options(...deps) : config.options;
            return new WeComClientFactory(await config.redis(...deps), options ?? {});
          },
        },
      ],
      exports: [WeComClientFactory],
    };
  }
}
