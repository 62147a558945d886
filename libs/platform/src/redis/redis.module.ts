import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

export const REDIS = Symbol('REDIS');
export const InjectRedis = () => Inject(REDIS);

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One shared ioredis connection per process for caches, locks and rate limits (Bull keeps its own). */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      // Auto-pipelining: commands issued in the same tick (every WeCom call's 45009 check and rate-limit windows,
      // across concurrent jobs) go out in one socket write; nothing here blocks (BRPOP etc. live on Bull's connections).
      useFactory: (config: AppConfig) =>
        new Redis({ ...config.redis, keyPrefix: `${config.env.REDIS_PREFIX}:`, maxRetriesPerRequest: 3, enableAutoPipelining: true }),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
