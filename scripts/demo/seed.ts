import { DemoApi, eventually } from './demo-api';

/** What the seed made, for the story to play with. */
export interface DemoSeed {
  channels: { website: DemoChannel; poster: DemoChannel };
}
export interface DemoChannel {
  id: string;
  name: string;
  configId: string;
  state: string;
  qrCode: string | null;
}

interface StaffRow {
  userId: string;
  name: string;
}
interface TagGroupRow {
  groupId: string;
  name: string;
  tags: Array<{ tagId: string; name: string }>;
}

/**
 * The demo tenant's marketing setup, made through the admin API exactly as a marketer would:
 * two channels with auto-tags and welcome rules. Runs once, after the tenant's first full sync.
 */
export async function seedDemo(api: DemoApi): Promise<DemoSeed> {
  await eventually('the first full sync', async () => {
    const runs = await api.api<Array<{ status: string }>>('GET', '/api/v1/sync/runs');
    return runs.some((r) => r.status === 'done');
  }, 300_000);
  const staff = await api.api<StaffRow[]>('GET', '/api/v1/staff');
  const groups = await api.api<TagGroupRow[]>('GET', '/api/v1/tags');
  const tags = groups.flatMap((g) => g.tags);
  const [a, b, c, d, e] = staff;

  const website = await api.api<DemoChannel>('POST', '/api/v1/channels', {
    name: '官网咨询 Website',
    category: 'online',
    state: 'demo-website',
    strategy: 'round_robin',
    members: [a, b, c].map((m) => ({ userId: m.userId })),
    dailyLimit: 200,
    backupUserIds: [e.userId],
    tagIds: [tags[0].tagId],
    remark: 'demo',
  });
  const poster = await api.api<DemoChannel>('POST', '/api/v1/channels', {
    name: '春季海报 Spring poster',
    category: 'offline',
    state: 'demo-poster',
    strategy: 'weighted',
    members: [
      { userId: d.userId, weight: 3 },
      { userId: e.userId, weight: 1 },
    ],
    backupUserIds: [a.userId],
    tagIds: [tags[1].tagId],
  });

  await api.api('POST', '/api/v1/welcome/rules', {
    name: 'Default greeting',
    text: '你好 {customer_name|朋友}，我是{staff_name}，很高兴认识你！',
  });
  await api.api('POST', '/api/v1/welcome/rules', {
    name: 'Website visitors',
    channelId: website.id,
    text: '你好 {customer_name|朋友}！感谢通过{channel_name}联系我们，我是顾问{staff_name}，有任何问题随时问我。',
    attachments: [{ type: 'link', title: '新客指南', url: 'https://example.com/welcome', desc: '三分钟了解我们' }],
  });
  await api.api('POST', '/api/v1/welcome/rules', {
    name: 'Poster after hours',
    channelId: poster.id,
    windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '18:00', end: '09:00' }],
    text: '你好 {customer_name|朋友}，现在是下班时间，{staff_name}明早9点回复你。',
  });
  await api.api('POST', '/api/v1/welcome/rules', {
    name: 'Poster daytime',
    channelId: poster.id,
    text: '你好 {customer_name|朋友}！海报活动的礼品请找{staff_name}领取。',
  });
  return { channels: { website, poster } };
}
