import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfig, InjectRedis } from '@scrm/platform';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { Repository } from 'typeorm';
import { Tenant } from '../tenant/tenant.entity';
import { AccessTokenService } from './access-token.service';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';
import { UserService } from './user.service';

export interface LoginInput {
  tenant: string;
  email: string;
  password: string;
  ip: string;
}

export interface LoginResult {
  accessToken: string;
  expiresAt: Date | null;
  user: User;
}


@Injectable()
export class LoginService {
  /** Failed attempts per account: 5 per 15 minutes, then locked for the rest of the window. */
  private readonly perAccount: RateLimiterRedis;
  /** Failed attempts per client IP, across accounts: stops credential stuffing. */
  private readonly perIp: RateLimiterRedis;
  /** Verified against when the user is unknown, so response time does not reveal which emails exist. */
  private dummyHash?: Promise<string>;

  constructor(
    @InjectRepository(Tenant) private readonly tenants: Repository<Tenant>,
    @InjectRedis() redis: Redis,
    private readonly users: UserService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly config: AppConfig,
  ) {
    this.perAccount = new RateLimiterRedis({ storeClient: redis, keyPrefix: 'login:account', points: 5, duration: 900 });
    this.perIp = new RateLimiterRedis({ storeClient: redis, keyPrefix: 'login:ip', points: 50, duration: 900 });
  }

  async login(input: LoginInput): Promise<LoginResult> {
    const accountKey = `${input.tenant}:${input.email.toLowerCase()}`;
    await this.assertNotLocked(accountKey, input.ip);

    const tenant = await this.tenants.findOne({ where: { slug: input.tenant, status: 'active' } });
    const user = tenant ? await this.users.findByEmail(tenant.id, input.email) : null;
    this.dummyHash ??= this.hasher.hash('no-such-user');
    const ok = await this.hasher.verify(user?.passwordHash ?? (await this.dummyHash), input.password);
    if (!tenant || !user || !ok || user.disabledAt) {
      await Promise.all([this.perAccount.penalty(accountKey), this.perIp.penalty(input.ip)]);
      throw new UnauthorizedException('Wrong tenant, email or password');
    }
    await this.perAccount.delete(accountKey);
    const ttl = this.config.env.SESSION_TTL_SECONDS;
    const { token, record } = await this.tokens.issue(tenant.id, {
      kind: 'session',
      role: user.role,
      userId: user.id,
      staffUserId: user.staffUserId,
      name: 'login',
      ttlSeconds: ttl,
    });
    return { accessToken: token, expiresAt: record.expiresAt, user };
  }

  private async assertNotLocked(accountKey: string, ip: string): Promise<void> {
    const [account, byIp] = await Promise.all([this.perAccount.get(accountKey), this.perIp.get(ip)]);
    const blocked = [
      [account, 5],
      [byIp, 50],
    ].find(([res, points]) => res && (res as RateLimiterRes).consumedPoints >= (points as number));
    if (blocked) {
      const seconds = Math.ceil((blocked[0] as RateLimiterRes).msBeforeNext / 1000);
      throw new HttpException(
        { message: `Too many failed logins; try again in ${seconds} s`, details: { retryAfterSeconds: seconds } },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}
