import { EntityManager } from 'typeorm';

/** The database's clock now (not the transaction's start): compared with created_at / updated_at, which are database time. */
export async function dbNow(m: Pick<EntityManager, 'query'>): Promise<Date> {
  const [{ now }] = (await m.query('SELECT clock_timestamp() AS now')) as Array<{ now: Date }>;
  return new Date(now);
}
