import { pick } from './prng';

/** Common surnames with their pinyin (for userids). */
export const SURNAMES: readonly [string, string][] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'], ['高', 'gao'], ['罗', 'luo'], ['郑', 'zheng'],
  ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'],
];

export const GIVEN: readonly [string, string][] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'],
  ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'],
  ['桂', 'gui'], ['英', 'ying'], ['华', 'hua'], ['鹏', 'peng'], ['婷', 'ting'], ['晨', 'chen'], ['欣', 'xin'],
];

export const DEPARTMENTS = ['销售部', '客户成功部', '市场部', '运营部', '门店'];
export const POSITIONS = ['客户经理', '销售顾问', '店长', '客服专员', '运营专员'];

export const TAG_GROUPS: readonly [string, string[]][] = [
  ['客户等级', ['VIP', '普通', '潜在', '流失预警', '黑名单']],
  ['意向程度', ['高意向', '中意向', '低意向', '已成交', '待跟进']],
  ['来源渠道', ['门店扫码', '线上广告', '老客推荐', '展会', '公众号', '小程序']],
  ['关注产品', ['护肤', '彩妆', '母婴', '家居', '数码', '食品']],
  ['年龄段', ['18-24岁', '25-30岁', '31-40岁', '41-50岁', '50岁以上']],
  ['城市', ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉']],
  ['活动参与', ['双十一', '618', '会员日', '新品试用', '直播间']],
  ['消费偏好', ['价格敏感', '品质优先', '爱囤货', '尝鲜型', '理性型']],
];

export const CHAT_THEMES = ['会员福利群', 'VIP专属群', '新品体验群', '门店粉丝群', '售后服务群', '宝妈交流群', '团购群'];

export function chineseName(rand: () => number): { name: string; pinyin: string } {
  const [s, sp] = pick(rand, SURNAMES);
  const [g1, g1p] = pick(rand, GIVEN);
  if (rand() < 0.5) return { name: s + g1, pinyin: sp + g1p };
  const [g2, g2p] = pick(rand, GIVEN);
  return { name: s + g1 + g2, pinyin: sp + g1p + g2p };
}

/** Customers often show WeChat nicknames rather than real names. */
export function customerName(rand: () => number): string {
  const r = rand();
  if (r < 0.6) return chineseName(rand).name;
  if (r < 0.8) return `${pick(rand, SURNAMES)[0]}${pick(rand, ['先生', '女士', '小姐', '老师'])}`;
  return pick(rand, ['小太阳', '阿喵', '追风少年', '一颗柠檬', '岁月静好', 'Lily', 'Kevin', '晴天', '米粒', '大白']);
}
