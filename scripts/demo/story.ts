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
    const tags = await eventually(`${name}'s channel tag on the profile`, async () => {
      const p = await api.api<{ tags: Array<{ groups: Array<{ tags: Array<{ name: string; source: string }> }> }> }>('GET', `/api/v1/customers/${a.externalUserId}/profile`);
      const names = p.tags.flatMap((c) => c.groups.flatMap((g) => g.tags.map((t) => `${t.name} (${t.source})`)));
      return names.length ? names : null;
    });
    say(`- ${name} scanned "${channel.name}", became a contact of ${a.userId} (${customer.relationships.length} relationship), tagged ${tags.join(', ')}`);
    say(`  welcome: ${welcome.text?.content ?? '(attachments only)'}${welcome.attachments.length ? ` + ${welcome.attachments.length} attachment(s)` : ''}`);
    // The contact way's member list is rotated a moment after each add (debounced); a real queue of visitors is slower.
    await new Promise((r) => setTimeout(r, 1500));
  }

  await newcomerSop(api, added.filter((a) => a.channel === website).length);
  await weeklyGroupSop(api);

  say();
  say('## Where to look');
  say(`- API docs: ${apiUrl}/docs (log in: POST /api/v1/auth/login { tenant: "demo", email: "admin@demo.local", password: "demo-password-123" })`);
  say(`- a customer's 360° profile: ${apiUrl}/api/v1/customers/${added[0].externalUserId}/profile`);
  say(`- the task board: ${apiUrl}/api/v1/tasks`);
  say(`- channel stats: ${apiUrl}/api/v1/channels/${website.id}/stats`);
  say(`- what WeCom received: ${simUrl}/sim/corps/${corpId}/welcome-messages`);
}

interface Task {
  id: string;
  sopId: string;
  delivery: 'mass_send' | 'reminder';
  userId: string;
  status: string;
  targetCount: number;
}
interface Sop {
  id: string;
  name: string;
  target: string;
}

async function sopNamed(api: DemoApi, prefix: string): Promise<Sop> {
  const sops = await api.api<Sop[]>('GET', '/api/v1/sops');
  const sop = sops.find((s) => s.name.startsWith(prefix));
  if (!sop) throw new Error(`the demo SOP "${prefix}" is missing`);
  return sop;
}

/** Step 1 of the newcomer SOP goes out a minute after the tag: a mass send the member confirms, and a call reminder. */
async function newcomerSop(api: DemoApi, newcomers: number): Promise<void> {
  const sop = await sopNamed(api, '官网新客培育');
  say();
  say(`## 2. The SOP "${sop.name}" reaches staff`);
  say(`The ${newcomers} website newcomers were enrolled when the channel tagged them. Step 1 is due a minute later; the scheduler runs every minute (about two minutes)…`);
  say('(A task covers every customer of one member due in the same minute, so on a second run of the story it holds earlier newcomers too.)');
  const tasks = await eventually(
    'the SOP tasks',
    async () => {
      const board = await api.api<{ items: Task[] }>('GET', `/api/v1/tasks?sopId=${sop.id}`);
      const sent = board.items.filter((t) => t.status === 'sent');
      return sent.some((t) => t.delivery === 'mass_send') && sent.some((t) => t.delivery === 'reminder') ? sent : null;
    },
    240_000,
  );
  for (const t of tasks) say(`- task for ${t.userId}: ${t.delivery === 'mass_send' ? 'mass send (add_msg_template) of the welcome pack' : 'a reminder card (message/send) to call'} — ${t.targetCount} customer(s)`);

  const massSends = await api.sim<Array<{ msgid: string; creator: string }>>('GET', '/mass-sends');
  say('Each member confirms the mass send in WeCom; the poller reads the results back (every minute)…');
  for (const m of massSends) await api.sim('POST', `/scenarios/mass-send/${m.msgid}/confirm`, { userid: m.creator });
  await eventually(
    'the mass-send tasks to close',
    async () => {
      const board = await api.api<{ items: Task[] }>('GET', `/api/v1/tasks?sopId=${sop.id}`);
      return board.items.filter((t) => t.delivery === 'mass_send').every((t) => t.status === 'done');
    },
    150_000,
  );
  say('- every mass-send task is done: WeCom reported each customer as sent');

  const reminder = tasks.find((t) => t.delivery === 'reminder')!;
  const staffToken = await signInFromWeCom(api, reminder.userId);
  const mine = await api.api<{ items: Task[] }>('GET', '/api/v1/staff/tasks?state=pending', undefined, staffToken);
  const done = await api.api<Task>('POST', `/api/v1/staff/tasks/${mine.items[0].id}/done`, { reason: '已电话沟通，客户想了解会员权益' }, staffToken);
  say(`- ${reminder.userId} opened the reminder card in WeCom (OAuth sign-in), saw ${mine.items.length} pending task(s) and marked one ${done.status}`);
}

/** What a member does when they tap the card: WeCom's OAuth page hands our task page a code; we exchange it for a staff token. */
async function signInFromWeCom(api: DemoApi, userId: string): Promise<string> {
  const { url } = await api.api<{ url: string }>('GET', `/api/v1/staff/auth/oauth-url?tenant=demo&redirectUri=${encodeURIComponent(`${api.apiUrl}/staff/tasks`)}`, undefined, '');
  const authorize = new URL(url);
  const res = await fetch(`${api.simUrl}/connect/oauth2/authorize?${authorize.searchParams}&sim_userid=${userId}`, { redirect: 'manual' });
  const code = new URL(res.headers.get('location')!).searchParams.get('code');
  const session = await api.api<{ accessToken: string }>('POST', '/api/v1/staff/auth/oauth', { tenant: 'demo', code }, '');
  return session.accessToken;
}

async function weeklyGroupSop(api: DemoApi): Promise<void> {
  const sop = await sopNamed(api, 'VIP群周报');
  const preview = await api.api<{ entries: Array<{ at: string; targets: number }> }>('GET', `/api/v1/sops/${sop.id}/preview?days=7`);
  say();
  say(`## 3. The weekly group SOP "${sop.name}"`);
  const next = preview.entries[0];
  say(next ? `- next firing ${new Date(next.at).toISOString()} (Monday 09:00 Asia/Shanghai) to ${next.targets} VIP group chat(s); nothing is sent by a preview` : '- no firing in the next 7 days');
}

main().catch((err: Error) => {
  console.error(`demo story failed: ${err.message}`);
  process.exit(1);
});
