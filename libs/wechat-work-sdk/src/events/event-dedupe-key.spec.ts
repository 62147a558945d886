import { eventDedupeKey } from './event-dedupe-key';
import { loadFixture } from './fixtures/load-fixture';
import { parseEvent } from './parse-event';

const key = (name: string) => eventDedupeKey(parseEvent(loadFixture(name)));

describe('eventDedupeKey', () => {
  it('builds Event|ChangeType|corp|UserID|ExternalUserID|CreateTime for contact events', () => {
    expect(key('add-external-contact.xml')).toBe(
      'change_external_contact|add_external_contact|ww1|zhangsan|woAJ2GCAAAXtWyujaWJHDDGi0mAAAA|1403610513',
    );
  });

  it('is the same for a re-delivery with different whitespace', () => {
    const xml = loadFixture('add-external-contact.xml');
    expect(eventDedupeKey(parseEvent(xml.replace(/></g, '>\n<')))).toBe(eventDedupeKey(parseEvent(xml)));
  });

  it('differs by ChangeType, user and time', () => {
    const xml = loadFixture('add-external-contact.xml');
    const k = eventDedupeKey(parseEvent(xml));
    expect(eventDedupeKey(parseEvent(xml.replace('1403610513', '1403610514')))).not.toBe(k);
    expect(eventDedupeKey(parseEvent(xml.replace('zhangsan', 'lisi')))).not.toBe(k);
    expect(key('add-half-external-contact.xml')).not.toBe(k);
  });

  it('chat keys use ChatId and UpdateDetail (and CurMemVer)', () => {
    expect(key('chat-create.xml')).toBe('change_external_chat|create|ww1||wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA|1403610513');
    expect(key('chat-update-add-member.xml')).toBe(
      'change_external_chat|update|ww1||wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA|1403610513|add_member|71217227bbd112ecfe3a49c482195cb4',
    );
    expect(key('chat-update-change-name.xml')).not.toBe(key('chat-update-change-owner.xml'));
  });

  it('tag keys use Id', () => {
    expect(key('tag-create.xml')).toBe('change_external_tag|create|ww1||etm7wjCgAA0zZ6AgUcAAAAAAqA|1403610513|tag');
    expect(key('tag-shuffle-all.xml')).toBe('change_external_tag|shuffle|ww1|||1403610513|');
  });

  it('unknown events hash the raw xml', () => {
    const k = key('unknown-event.xml');
    expect(k).toMatch(/^unknown\|[0-9a-f]{64}$/);
    expect(key('unknown-event.xml')).toBe(k);
    expect(key('chat-update-unknown-detail.xml')).not.toBe(k);
  });

  it('every fixture gets a distinct key', () => {
    const names = [
      'add-external-contact.xml', 'add-half-external-contact.xml', 'edit-external-contact.xml', 'del-external-contact.xml',
      'del-follow-user.xml', 'transfer-fail.xml', 'chat-create.xml', 'chat-dismiss.xml', 'chat-update-add-member.xml',
      'chat-update-del-member.xml', 'chat-update-change-owner.xml', 'chat-update-change-name.xml',
      'chat-update-change-notice.xml', 'tag-create.xml', 'tag-update-group.xml', 'tag-delete.xml', 'tag-shuffle.xml',
      'tag-shuffle-all.xml', 'unknown-event.xml',
    ];
    expect(new Set(names.map(key)).size).toBe(names.length);
  });
});
