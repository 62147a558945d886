/** WeCom's errmsg texts (before the ", hint: [...]" tail) for the codes the simulator answers. */
export const ERRMSG: Record<number, string> = {
  [-1]: 'system busy',
  40001: 'invalid credential',
  40004: 'invalid media type',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40050: 'chatid not found',
  40056: 'invalid agentid',
  40058: 'invalid Request Parameter',
  40068: 'invalid tagid',
  40071: 'UserTag Name Already Exist',
  40096: 'invalid external userid',
  41001: 'access_token missing',
  41005: 'media data missing',
  41037: 'missing type',
  41038: 'missing scene',
  41039: 'invalid type',
  41040: 'invalid scene',
  41041: 'user count exceed limit',
  41042: 'invalid style',
  41043: 'missing config_id',
  41044: 'invalid config_id',
  41049: 'missing welcome_code',
  41050: 'invalid welcome_code',
  41051: 'customer already in conversation',
  41054: 'user not active',
  41063: 'send result is being generated, please retry later',
  41064: 'attachment count exceed limit',
  41065: 'invalid attachment type',
  41096: 'welcome msg is being sent by another app',
  42001: 'access_token expired',
  45002: 'content size out of limit',
  45009: 'api freq out of limit',
  45033: 'api concurrent out of limit',
  45035: 'concurrent modification conflict',
  47001: 'data format error',
  48002: 'api forbidden',
  60011: 'no privilege to access/modify contact/party/agent',
  60020: 'not allow to access from your ip',
  60111: 'userid not found',
  60123: 'invalid party id',
  81013: 'user & party & tag all invalid',
  84061: 'not external contact',
  84074: 'no privilege',
};

/** errmsg the way WeCom writes it: text, a hint id, the caller's ip and a link to the errcode tool. */
export function wecomErrmsg(errcode: number, nowSec: number, ip: string, detail?: string): string {
  if (errcode === 0) return 'ok';
  const text = detail ? `${ERRMSG[errcode] ?? 'error'}, ${detail}` : ERRMSG[errcode] ?? 'error';
  const hint = `${nowSec}_${Math.floor(Math.random() * 1000)}_${Math.random().toString(36).slice(2, 10)}`;
  return `${text}, hint: [${hint}], from ip: ${ip}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
}
