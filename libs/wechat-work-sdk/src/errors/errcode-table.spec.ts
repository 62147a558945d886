import { classifyErrcode, ERRCODE_TABLE, isTokenRejection } from './errcode-table';
import { limitWindowMs } from './limit-window';
import { redact } from './redact';
import { WeComApiError } from './wecom-api-error';

describe('errcode table', () => {
  it.each([-1, 45033, 45035, 41096])('%i is retried with backoff', (code) => {
    expect(classifyErrcode(code)).toMatchObject({ retryable: true, strategy: 'backoff' });
  });

  it('41063 is retryable later and 45009 waits for its window', () => {
    expect(classifyErrcode(41063)).toMatchObject({ retryable: true, strategy: 'later', retryAfterMs: 60_000 });
    expect(classifyErrcode(45009)).toMatchObject({ retryable: true, strategy: 'window', retryAfterMs: 60_000 });
  });

  it.each([40014, 42001])('%i refreshes the token', (code) => {
    expect(classifyErrcode(code)).toMatchObject({ strategy: 'refresh-token' });
  });

  it.each([40001, 40013, 48002, 60011, 60020, 81013, 84074, 40096, 40058, 40068, 40071, 41049, 41050, 41051, 41001])(
    '%i is permanent',
    (code) => expect(classifyErrcode(code)).toMatchObject({ retryable: false, strategy: 'permanent' }),
  );

  it('only 41051 is benign', () => {
    const benign = Object.entries(ERRCODE_TABLE).filter(([, r]) => r.benign).map(([c]) => Number(c));
    expect(benign).toEqual([41051]);
  });

  it('60020 tells the admin to add the IP to the trusted list', () => {
    expect(classifyErrcode(60020).hint).toMatch(/add this server's IP to the app's trusted IP list/);
  });

  it('every rule has a sentence of a hint', () => {
    for (const rule of Object.values(ERRCODE_TABLE)) expect(rule.hint).toMatch(/^[A-Z].{15,}[.]$/);
  });

  it('unknown codes are permanent', () => {
    expect(classifyErrcode(99999)).toMatchObject({ retryable: false, strategy: 'permanent', hint: expect.stringContaining('99999') });
  });

  it('token rejection codes', () => {
    expect([40014, 42001, 40001, 40013, -1].map(isTokenRejection)).toEqual([true, true, true, false, false]);
  });
});

describe('WeComApiError', () => {
  it('carries classification and a readable message', () => {
    const e = new WeComApiError({ errcode: 60020, errmsg: 'not allow to access from your ip, from ip: 1.2.3.4', api: 'externalcontact/get', corpId: 'ww1' });
    expect(e).toMatchObject({ errcode: 60020, retryable: false, benign: false, local: false, api: 'externalcontact/get', corpId: 'ww1' });
    expect(e.message).toContain('trusted IP list');
  });

  it('never carries a token or secret', () => {
    const e = new WeComApiError({
      errcode: 40014,
      errmsg: 'invalid access_token, hint: [x], more info at https://q.example/cgi-bin/x?access_token=SECRET_TOKEN&corpsecret=S3',
      api: 'x',
    });
    expect(e.message).not.toMatch(/SECRET_TOKEN|S3\b/);
    expect(e.errmsg).toContain('access_token=[redacted]');
  });
});

describe('helpers', () => {
  it('redact keeps other params', () => {
    expect(redact('/cgi-bin/user/get?access_token=abc.def&userid=zhangsan')).toBe('/cgi-bin/user/get?access_token=[redacted]&userid=zhangsan');
  });

  it('limitWindowMs defaults to a minute', () => {
    expect(limitWindowMs('api freq out of limit')).toBe(60_000);
    expect(limitWindowMs('api freq out of limit per hour')).toBe(3_600_000);
  });
});
