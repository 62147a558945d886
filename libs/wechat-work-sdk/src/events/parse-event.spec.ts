import { loadFixture } from './fixtures/load-fixture';
import { parseEvent } from './parse-event';

const base = { corpId: 'ww1', createTime: 1403610513 };
const customer = { userId: 'zhangsan', externalUserId: 'woAJ2GCAAAXtWyujaWJHDDGi0mAAAA' };
const chatId = 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA';

describe('parseEvent: change_external_contact', () => {
  // The fixture is the reference's (shared/wecom/README.md §3) add example, copied verbatim so the suite runs
  // from a clone of this repository alone.
  it('parses the reference add example', () => {
    const xml = loadFixture('add-external-contact.xml');
    const e = parseEvent(xml);
    expect(e).toEqual({
      ...base,
      ...customer,
      kind: 'add_external_contact',
      event: 'change_external_contact',
      changeType: 'add_external_contact',
      state: 'ch_12',
      welcomeCode: 'WELCOMECODE',
      raw: expect.objectContaining({ FromUserName: 'sys', CreateTime: '1403610513', WelcomeCode: 'WELCOMECODE' }),
    });
  });

  it('add without State or WelcomeCode leaves them undefined', () => {
    const e = parseEvent(loadFixture('add-external-contact-no-welcome.xml'));
    expect(e).toMatchObject({ kind: 'add_external_contact', ...customer, state: undefined, welcomeCode: undefined });
  });

  it('add_half_external_contact carries a usable WelcomeCode', () => {
    expect(parseEvent(loadFixture('add-half-external-contact.xml'))).toMatchObject({
      kind: 'add_half_external_contact', ...customer, state: 'ch_7', welcomeCode: 'HALFCODE',
    });
  });

  it('edit_external_contact', () => {
    expect(parseEvent(loadFixture('edit-external-contact.xml'))).toMatchObject({ kind: 'edit_external_contact', ...customer, ...base });
  });

  it('del_external_contact with and without Source', () => {
    expect(parseEvent(loadFixture('del-external-contact.xml'))).toMatchObject({ kind: 'del_external_contact', ...customer, source: 'DELETE_BY_TRANSFER' });
    expect(parseEvent(loadFixture('del-external-contact-plain.xml'))).toMatchObject({ kind: 'del_external_contact', source: undefined });
  });

  it('del_follow_user', () => {
    expect(parseEvent(loadFixture('del-follow-user.xml'))).toMatchObject({ kind: 'del_follow_user', ...customer });
  });

  it('transfer_fail with FailReason', () => {
    expect(parseEvent(loadFixture('transfer-fail.xml'))).toMatchObject({ kind: 'transfer_fail', ...customer, failReason: 'customer_refused' });
  });

  it('an unknown ChangeType is kept as unknown', () => {
    expect(parseEvent(loadFixture('contact-unknown-change.xml'))).toMatchObject({
      kind: 'unknown', event: 'change_external_contact', changeType: 'add_external_moment', createTime: 1403610513,
    });
  });
});

describe('parseEvent: change_external_chat', () => {
  it('create and dismiss', () => {
    expect(parseEvent(loadFixture('chat-create.xml'))).toMatchObject({ kind: 'chat_create', chatId, ...base });
    expect(parseEvent(loadFixture('chat-dismiss.xml'))).toMatchObject({ kind: 'chat_dismiss', chatId });
  });

  it('update add_member with several Items', () => {
    const e = parseEvent(loadFixture('chat-update-add-member.xml'));
    expect(e).toEqual({
      ...base,
      kind: 'chat_update',
      event: 'change_external_chat',
      changeType: 'update',
      chatId,
      updateDetail: 'add_member',
      joinScene: 3,
      quitScene: undefined,
      memChangeCnt: 2,
      memChangeList: ['wmEJ2GCAAAL9RCjqr1LkK1yD4DbP1xAA', 'zhangsan'],
      lastMemVer: '9c3f97c2ada667dfb5f6d03308d963e1',
      curMemVer: '71217227bbd112ecfe3a49c482195cb4',
      raw: expect.any(Object),
    });
  });

  it('update del_member with one Item', () => {
    expect(parseEvent(loadFixture('chat-update-del-member.xml'))).toMatchObject({
      kind: 'chat_update', updateDetail: 'del_member', quitScene: 1, joinScene: undefined, memChangeCnt: 1,
      memChangeList: ['wmEJ2GCAAAL9RCjqr1LkK1yD4DbP1xAA'],
    });
  });

  it.each(['change_owner', 'change_name', 'change_notice'])('update %s has no member list', (detail) => {
    expect(parseEvent(loadFixture(`chat-update-${detail.replace(/_/g, '-')}.xml`))).toMatchObject({
      kind: 'chat_update', updateDetail: detail, memChangeList: [], memChangeCnt: undefined,
    });
  });

  it('an unknown UpdateDetail is kept as unknown', () => {
    expect(parseEvent(loadFixture('chat-update-unknown-detail.xml'))).toMatchObject({
      kind: 'unknown', reason: expect.stringContaining('change_avatar'), raw: expect.objectContaining({ ChatId: chatId }),
    });
  });
});

describe('parseEvent: change_external_tag', () => {
  it('create with StrategyId', () => {
    expect(parseEvent(loadFixture('tag-create.xml'))).toMatchObject({
      kind: 'tag_create', changeType: 'create', id: 'etm7wjCgAA0zZ6AgUcAAAAAAqA', tagType: 'tag', strategyId: 1,
    });
  });

  it('update of a tag group', () => {
    expect(parseEvent(loadFixture('tag-update-group.xml'))).toMatchObject({ kind: 'tag_update', tagType: 'tag_group', strategyId: undefined });
  });

  it('delete', () => {
    expect(parseEvent(loadFixture('tag-delete.xml'))).toMatchObject({ kind: 'tag_delete', id: 'etm7wjCgAA0zZ6AgUcAAAAAAqA' });
  });

  it('shuffle with and without Id', () => {
    expect(parseEvent(loadFixture('tag-shuffle.xml'))).toMatchObject({ kind: 'tag_shuffle', id: 'etm7wjCgAAfKcX5hjSMAAAAAAqA', strategyId: 2 });
    const all = parseEvent(loadFixture('tag-shuffle-all.xml'));
    expect(all).toMatchObject({ kind: 'tag_shuffle', id: undefined });
    expect(all).not.toHaveProperty('tagType');
  });
});

describe('parseEvent: unknown input is kept', () => {
  it('an unknown Event', () => {
    const xml = loadFixture('unknown-event.xml');
    expect(parseEvent(xml)).toEqual({
      kind: 'unknown',
      reason: expect.stringContaining('change_external_moment'),
      event: 'change_external_moment',
      changeType: 'create',
      corpId: 'ww1',
      createTime: 1403610513,
      raw: expect.objectContaining({ MomentId: 'wm123' }),
      xml,
    });
  });

  it('a non-event message (the official crypto vector)', () => {
    const xml = '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<MsgType><![CDATA[text]]></MsgType>\n<MsgId>4561255354251345929</MsgId>\n</xml>';
    const e = parseEvent(xml);
    expect(e).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('text') });
    expect(e.raw.MsgId).toBe('4561255354251345929'); // a string: no precision lost
  });

  it('malformed XML and a missing required field', () => {
    expect(parseEvent('<xml><Event>')).toMatchObject({ kind: 'unknown', raw: {}, xml: '<xml><Event>' });
    const noUser = loadFixture('edit-external-contact.xml').replace(/<UserID>.*<\/UserID>/, '');
    expect(parseEvent(noUser)).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('UserID') });
  });
});
