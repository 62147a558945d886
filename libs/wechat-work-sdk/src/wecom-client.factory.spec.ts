import { Test } from '@nestjs/testing';
import { FakeWeCom } from './testing/fake-wecom';
import { testRedis } from './testing/test-redis';
import { WeComClientFactory } from './wecom-client.factory';
import { WeComSdkModule } from './wecom-sdk.module';

describe('WeComClientFactory and WeComSdkModule', () => {
  let fake: FakeWeCom;
  let r: ReturnType<typeof testRedis>;

  beforeEach(async () => {
    fake = await FakeWeCom.start();
    r = testRedis();
  });
  afterEach(async () => {
    await fake.close();
    await r.cleanup();
  });

  it('gives one client per tenant on the shared connection, and a new one when the Secret changes', async () => {
    const factory = new WeComClientFactory(r.redis, { keyPrefix: r.keyPrefix });
    const tenant = { tenantKey: 'acme', corpId: fake.corpId, corpSecret: fake.corpSecret, agentId: 1, baseUrl: fake.baseUrl };
    const a = factory.forTenant(tenant);
    expect(factory.forTenant({ ...tenant })).toBe(a);
    expect(factory.forTenant({ ...tenant, corpSecret: 'rotated' })).not.toBe(a);
    expect(factory.forTenant({ ...tenant, tenantKey: 'other' })).not.toBe(a);

    await a.getAccessToken();
    const keys = await r.redis.keys(`${r.keyPrefix}*`);
    expect(keys.some((k) => k.includes('token:acme:'))).toBe(true);
    expect(keys.join()).not.toContain(fake.corpSecret);
  });

  it('the Nest module provides the factory from an injected Redis', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        WeComSdkModule.forRoot({
          imports: [{ module: class RedisModule {}, providers: [{ provide: 'REDIS', useValue: r.redis }], exports: ['REDIS'] }],
          inject: ['REDIS'],
          redis: (redis) => redis,
          options: { keyPrefix: r.keyPrefix },
        }),
      ],
    }).compile();
    const factory = moduleRef.get(WeComClientFactory);
    const client = factory.forTenant({ corpId: fake.corpId, corpSecret: fake.corpSecret, baseUrl: fake.baseUrl });
    await expect(client.getAccessToken()).resolves.toBe('fake-token-1');
    await moduleRef.close();
  });
});
