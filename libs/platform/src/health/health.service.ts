import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { InjectRedis } from '../redis/redis.module';

export interface HealthReport {
  status: 'ok' | 'error';
  checks: { postgres: 'up' | 'down'; redis: 'up' | 'down'; migrations: 'applied' | 'pending' | 'unknown' };
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async check(): Promise<HealthReport> {
    const [postgres, redis, migrations] = await Promise.all([this.postgres(), this.redisUp(), this.migrations()]);
    const ok = postgres === 'up' && redis === 'up' && migrations === 'applied';
    return { status: ok ? 'ok' : 'error', checks: { postgres, redis, migrations } };
  }

  private async postgres(): Promise<'up' | 'down'> {
    return withTimeout(this.dataSource.query('SELECT 1').then(() => 'up' as const));
  }

  private async redisUp(): Promise<'up' | 'down'> {
    return withTimeout(this.redis.ping().then((r) => (r === 'PONG' ? 'up' : 'down')));
  }

  private async migrations(): Promise<'applied' | 'pending' | 'unknown'> {
    try {
      return (await this.dataSource.showMigrations()) ? 'pending' : 'applied';
    } catch {
      return 'unknown';
    }
  }
}

async function withTimeout(p: Promise<'up' | 'down'>, ms = 2_000): Promise<'up' | 'down'> {
  const timeout = new Promise<'down'>((resolve) => setTimeout(() => resolve('down'), ms).unref());
  return Promise.race([p.catch(() => 'down' as const), timeout]);
}
