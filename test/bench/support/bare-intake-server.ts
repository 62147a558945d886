// The baseline of the intake benchmark: the least a callback receiver can do — a plain node:http server that
// verifies the signature, decrypts with @wecom/crypto and inserts one row with pg (same table, same indexes as
// ours) — and nothing else: no framework, no XML parser, no strict padding check, no queue.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { decrypt, getSignature } from '@wecom/crypto';
import { Pool } from 'pg';

const env = process.env;
const token = env.BARE_TOKEN!;
const aesKey = env.BARE_AES_KEY!;
const tenantId = env.BARE_TENANT_ID!;
const pool = new Pool({ host: env.DB_HOST ?? '127.0.0.1', port: Number(env.DB_PORT ?? 5432), user: env.DB_USER ?? 'postgres', database: env.DB_NAME, max: 20 });
const INSERT = {
  name: 'bare-insert',
  text: `INSERT INTO inbox_events (tenant_id, dedupe_key, type, xml) VALUES ($1, $2, 'baseline', $3) ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING id`,
};

createServer((req, res) => {
  if (req.method !== 'POST') return void res.writeHead(200).end();
  const chunks: Buffer[] = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      const url = new URL(req.url!, 'http://x');
      const body = Buffer.concat(chunks).toString('utf8');
      const encrypted = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(body)?.[1] ?? '';
      const q = (k: string) => url.searchParams.get(k) ?? '';
      if (getSignature(token, q('timestamp'), q('nonce'), encrypted) !== q('msg_signature')) return void res.writeHead(401).end();
      const { message } = decrypt(aesKey, encrypted);
      await pool.query({ ...INSERT, values: [tenantId, createHash('sha1').update(message).digest('hex'), message] });
      res.writeHead(200).end();
    } catch {
      res.writeHead(500).end();
    }
  });
}).listen(Number(env.PORT), '127.0.0.1');
