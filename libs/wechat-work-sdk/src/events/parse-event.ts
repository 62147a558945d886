import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RawEvent, WeComEvent } from './event-types';
import { parseChatEvent } from './parse-chat-event';
import { parseContactEvent } from './parse-contact-event';
import { parseTagEvent } from './parse-tag-event';
import { parseFlatXml } from './flat-xml';
import { int, text } from './raw-fields';

// Every value stays a string (ids must not lose precision); CDATA is merged into the text.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => name === 'Item',
});

/** Inner (decrypted) callback XML → typed event. Never throws: anything it cannot type is `kind: 'unknown'`. */
export function parseEvent(xml: string): WeComEvent {
  const raw = parseRaw(xml);
  if (!raw) return { kind: 'unknown', reason: 'not well-formed <xml> document', raw: {}, xml };

  const event = text(raw, 'Event');
  const changeType = text(raw, 'ChangeType');
  const corpId = text(raw, 'ToUserName');
  const createTime = int(raw, 'CreateTime');
  const unknown = (reason: string): WeComEvent => ({ kind: 'unknown', reason, event, changeType, corpId, createTime, raw, xml });

  if (text(raw, 'MsgType') !== 'event') return unknown(`MsgType ${JSON.stringify(text(raw, 'MsgType'))} is not an event`);
  if (!corpId || createTime === undefined) return unknown('event without ToUserName or CreateTime');

  const base = { corpId, createTime, raw };
  const parsed =
    event === 'change_external_contact'
      ? parseContactEvent(raw, base)
      : event === 'change_external_chat'
        ? parseChatEvent(raw, base)
        : event === 'change_external_tag'
          ? parseTagEvent(raw, base)
          : `unknown Event ${JSON.stringify(event)}`;
  return typeof parsed === 'string' ? unknown(parsed) : parsed;
}

function parseRaw(xml: string): RawEvent | undefined {
  if (typeof xml !== 'string') return undefined;
  const flat = parseFlatXml(xml);
  if (flat) return flat as RawEvent;
  if (XMLValidator.validate(xml) !== true) return undefined;
  const root = (parser.parse(xml) as { xml?: unknown }).xml;
  return root && typeof root === 'object' && !Array.isArray(root) ? (root as RawEvent) : undefined;
}
