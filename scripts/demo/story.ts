/**
 * `npm run demo:story`: plays the demo against a running `npm start` (demo mode) and prints what happened,
 * with the URLs to look at. Everything goes through the public APIs: the admin API and the simulator's
 * scenario and inspection API (standing in for customers, staff and WeCom's servers).
 */
import { DemoApi, eventually } from './demo-api';
import { DemoChannel } from './seed';

const apiUrl = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const simUrl = process.env.SIM_URL ?? `http://127.0.0.1:${process.env.SIM_PORT ?? 4000}`;
const corpId = process.env.SIM_DEMO_CORP_ID ?? 'wwdemo0000000001';

interface ScanResult {
  externalUserId: string;
  userId: string;
  welcomeCode: string | null;
}
interface WelcomeSeen {
  welcome_code: string;
  text?: { content: string };
  attachments: unknown[];
}
interface Channel extends DemoChannel {
  tagIds: string[];
}

const say = (line = '') => console.log(line);

async function main(): Promise<void> {
  const api = new DemoApi(apiUrl, simUrl, corpId);
  await api.login('demo', 'admin@demo.local', 'demo-password-123');
  const channels = await api.api<Channel[]>('GET', '/api/v1/channels');
  const website = channels.find((c) => c.state === 'demo-website');
  const poster = channels.find((c) => c.state === 'demo-poster');
  if (!website || !poster) throw new Error('the demo channels are missing: start the system with `npm start` (demo mode) first');

  say('# The demo story');
  say();
  say(`Two channel QR codes are live: "${website.name}" and "${poster.name}".`);
  const visitors: Array<[Channel, string]> = [
    [website, '王小明'],
    [website, '李娜'],
    [website, '张伟'],
    [poster, '陈静'],
    [poster, '刘洋'],
  ];
  say();
  say('## 1. Customers scan, are tagged and welcomed');
  const added: Array<ScanResult & { name: string; channel: Channel }> = [];
  for (const [channel, name] of visitors) {
    const a = { ...(await api.sim<ScanResult>('POST', '/scenarios/scan', { configId: channel.configId, customer: { name } })), name, channel };
    added.push(a);
    const welcome = await eventually(`the welcome to ${name}`, async () => {
      const sent = await api.sim<WelcomeSeen[]>('GET', '/welcome-messages');
      return sent.find((w) => w.welcome_code === a.welcomeCode);
    });
    const customer = await eventually(`${name} in our database`, async () => {
      const c = await api.api<{ relationships: Array<{ userId: string }> }>('GET', `/api/v1/customers/${a.externalUserId}`);
      return c.relationships.some((r) => r.userId === a.userId) ? c : null;
    });
    say(`- ${name} scanned "${channel.name}", became a contact of ${a.userId} (${customer.relationships.length} relationship)`);
    say(`  welcome: ${welcome.text?.content ?? '(attachments only)'}${welcome.attachments.length ? ` + ${welcome.attachments.length} attachment(s)` : ''}`);
    // The contact way's member list is rotated a moment after each add (debounced); a real queue of visitors is slower.
    await new Promise((r) => setTimeout(r, 1500));
  }

  say();
  say('## Where to look');
  say(`- API docs: ${apiUrl}/docs (log in: POST /api/v1/auth/login { tenant: "demo", email: "admin@demo.local", password: "demo-password-123" })`);
  say(`- a customer: ${apiUrl}/api/v1/customers/${added[0].externalUserId}`);
  say(`- channel stats: ${apiUrl}/api/v1/channels/${website.id}/stats`);
  say(`- what WeCom received: ${simUrl}/sim/corps/${corpId}/welcome-messages`);
}

main().catch((err: Error) => {
  console.error(`demo story failed: ${err.message}`);
  process.exit(1);
});
