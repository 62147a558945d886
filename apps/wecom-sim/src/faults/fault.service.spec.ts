import { FaultService } from './fault.service';

describe('FaultService', () => {
  it('answers the errcode for exactly the next N calls of that API', () => {
    const f = new FaultService();
    f.addErrcode({ api: '/cgi-bin/externalcontact/mark_tag', errcode: 45035, count: 2 });
    expect(f.take('ww1', 'externalcontact/get')).toBeUndefined();
    expect(f.take('ww1', 'externalcontact/mark_tag')).toBe(45035);
    expect(f.take('ww2', 'externalcontact/mark_tag')).toBe(45035);
    expect(f.take('ww1', 'externalcontact/mark_tag')).toBeUndefined();
  });

  it('scopes faults to a corp when asked', () => {
    const f = new FaultService();
    f.addErrcode({ corpId: 'ww1', api: 'gettoken', errcode: -1, count: 1 });
    expect(f.take('ww2', 'gettoken')).toBeUndefined();
    expect(f.take('ww1', 'gettoken')).toBe(-1);
  });

  it('takes the largest matching latency', () => {
    const f = new FaultService();
    f.addLatency({ ms: 10 });
    f.addLatency({ api: 'message/send', ms: 50 });
    expect(f.latencyFor('ww1', 'message/send')).toBe(50);
    expect(f.latencyFor('ww1', 'gettoken')).toBe(10);
    f.clear();
    expect(f.latencyFor('ww1', 'gettoken')).toBe(0);
  });
});
