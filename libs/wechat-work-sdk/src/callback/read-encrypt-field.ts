import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFlatXml } from '../events/flat-xml';
import { CallbackFormatError } from './callback-errors';

const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, processEntities: false });

/** Pulls <Encrypt> out of the outer POST body `<xml><ToUserName/><AgentID/><Encrypt/></xml>`. */
export function readEncryptField(xmlBody: string): string {
  if (typeof xmlBody !== 'string' || xmlBody.trim() === '') throw new CallbackFormatError('callback body is not well-formed XML');
  const root = parseFlatXml(xmlBody) ?? parseFull(xmlBody);
  const encrypted = root && typeof root === 'object' ? root.Encrypt : undefined;
  if (typeof encrypted !== 'string' || encrypted.trim() === '') throw new CallbackFormatError('callback body has no Encrypt');
  return encrypted.trim();
}

function parseFull(xmlBody: string): { Encrypt?: unknown } | undefined {
  if (XMLValidator.validate(xmlBody) !== true) throw new CallbackFormatError('callback body is not well-formed XML');
  return (parser.parse(xmlBody) as { xml?: { Encrypt?: unknown } }).xml;
}
