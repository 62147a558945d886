import { Repository } from 'typeorm';
import { TenantRepository } from './tenant-repository';

describe('TenantRepository', () => {
  const calls: unknown[] = [];
  const fake = { find: async (o: unknown) => (calls.push(o), []), findOne: async (o: unknown) => (calls.push(o), null) };
  const repo = new TenantRepository(fake as unknown as Repository<{ tenantId: string; id: string }>, 'Thing');

  it('adds the tenant id to every query', async () => {
    await repo.find('t1', { where: { id: 'x' } });
    expect(calls.pop()).toEqual({ where: { id: 'x', tenantId: 't1' } });
  });

  it('cannot be overridden by a where clause naming another tenant', async () => {
    await repo.find('t1', { where: { tenantId: 't2' } });
    expect(calls.pop()).toEqual({ where: { tenantId: 't1' } });
  });

  it('refuses a query without a tenant id', async () => {
    await expect(repo.find('')).rejects.toThrow(/without a tenant id/);
  });

  it('answers 404 for a missing row', async () => {
    await expect(repo.get('t1', { id: 'nope' })).rejects.toMatchObject({ status: 404, message: 'Thing not found' });
  });
});
