import { apiName } from './api-name';

describe('apiName', () => {
  it('normalises paths and names to the part after /cgi-bin/', () => {
    expect(apiName('/cgi-bin/externalcontact/mark_tag')).toBe('externalcontact/mark_tag');
    expect(apiName('cgi-bin/gettoken')).toBe('gettoken');
    expect(apiName('message/send')).toBe('message/send');
  });
});
