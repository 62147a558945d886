import { DemoApi, eventually } from './demo-api';

/** What the seed made, for the story to play with. */
export interface DemoSeed {
  channels: { website: DemoChannel; poster: DemoChannel };
  sops: { newcomer: string; weeklyGroups: string };
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
  id: string;
  name: string;
  tags: Array<{ id: string; name: string; corpTagId: string | null }>;
}

/**
 * The demo tenant's marketing setup, made through the admin API exactly as a marketer would: channel tags, two
 * channels with welcome rules, a newcomer SOP and a weekly group SOP. Runs once, after the tenant's first full sync.
 */
export async function seedDemo(api: DemoApi): Promise<DemoSeed> {
  await eventually('the first full sync', async () => {
    const runs = await api.api<Array<{ status: string }>>('GET', '/api/v1/sync/runs');
    return runs.some((r) => r.status === 'done');
  }, 300_000);
  const staff = await api.api<StaffRow[]>('GET', '/api/v1/staff');
  const [a, b, c, d, e] = staff;
  // Corp tags are created in WeCom first, so members see them in their WeCom client too.
  const source = await api.api<TagGroupRow>('POST', '/api/v1/tag-groups', {
    name: '渠道来源',
    kind: 'corp',
    tags: [{ name: '官网新客' }, { name: '海报新客' }],
  });
  const [websiteTag, posterTag] = source.tags;

  const website = await api.api<DemoChannel>('POST', '/api/v1/channels', {
    name: '官网咨询 Website',
    category: 'online',
    state: 'demo-website',
    strategy: 'round_robin',
    members: [a, b, c].map((m) => ({ userId: m.userId })),
    dailyLimit: 200,
    backupUserIds: [e.userId],
    tagIds: [websiteTag.corpTagId],
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
    tagIds: [posterTag.corpTagId],
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
  const newcomer = await seedNewcomerSop(api, websiteTag.id);
  const weeklyGroups = await seedWeeklyGroupSop(api);
  return { channels: { website, poster }, sops: { newcomer, weeklyGroups } };
}

/** "Customers tagged 官网新客 get a welcome pack, their member a call reminder, and a follow-up on day 3 at 10:00." */
async function seedNewcomerSop(api: DemoApi, tagId: string): Promise<string> {
  const sop = await api.api<{ id: string }>('POST', '/api/v1/sops', {
    name: '官网新客培育 Newcomer nurture',
    target: 'customer',
    trigger: { type: 'tag_added', tagId },
    steps: [
      // One minute rather than the usual hour, so the demo story sees it happen.
      { offset: { amount: 1, unit: 'minutes' }, delivery: 'mass_send', text: '你好 {customer_name|朋友}，这是为新朋友准备的入门礼包，请查收～', attachments: [{ type: 'link', title: '新客礼包', url: 'https://example.com/starter-pack' }] },
      { offset: { amount: 1, unit: 'minutes' }, delivery: 'reminder', text: '给新客打个电话，了解需求并备注' },
      { offset: { amount: 3, unit: 'days', at: '10:00' }, delivery: 'mass_send', text: '{customer_name|朋友}，用得怎么样？有问题随时找我。' },
    ],
  });
  await api.api('POST', `/api/v1/sops/${sop.id}/activate`);
  return sop.id;
}

/** "Group chats tagged VIP群 get the weekly digest every Monday at 09:00." */
async function seedWeeklyGroupSop(api: DemoApi): Promise<string> {
  const tier = await api.api<TagGroupRow>('POST', '/api/v1/tag-groups', { name: '群分层', kind: 'manual', tags: [{ name: 'VIP群' }] });
  const vip = tier.tags[0].id;
  const chats = await api.api<{ items: Array<{ chatId: string }> }>('GET', '/api/v1/group-chats?pageSize=3');
  for (const chat of chats.items) await api.api('PUT', `/api/v1/group-chats/${chat.chatId}/tags`, { tagIds: [vip] });
  const sop = await api.api<{ id: string }>('POST', '/api/v1/sops', {
    name: 'VIP群周报 Weekly VIP digest',
    target: 'group',
    trigger: { type: 'weekly', weekdays: [1], time: '09:00' },
    groupFilter: { tagIds: [vip] },
    steps: [{ offset: { amount: 0, unit: 'minutes' }, delivery: 'mass_send', text: '本周精选：新品上架与会员专享活动，点击查看 👉', attachments: [{ type: 'link', title: '本周精选', url: 'https://example.com/weekly' }] }],
  });
  await api.api('POST', `/api/v1/sops/${sop.id}/activate`);
  return sop.id;
}
