import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ConfigModule } from './config/config.module';
import { SecretCipher } from './crypto/secret-cipher';
import { DatabaseModule } from './database/database.module';
import { HealthService } from './health/health.service';
import { LoggingModule } from './logging/logging.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';

/** Everything api and worker share below the domain: config, database, Redis, queues, logging. */
@Global()
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    QueueModule,
    DiscoveryModule,
    EventEmitterModule.forRoot({ wildcard: false }),
  ],
  providers: [SecretCipher, HealthService],
  exports: [ConfigModule, RedisModule, QueueModule, SecretCipher, HealthService],
})
export class PlatformModule {}
