// `<xml>` followed by children that are each one CDATA section or plain text without markup or entities. A CDATA
// body cannot contain `]]>` (where the section ends), which also keeps the match linear on hostile input.
const CDATA = String.raw`<!\[CDATA\[((?:[^\]]|\](?!\]>))*)\]\]>`;
const ELEMENT = String.raw`[ \t\r\n]*<([A-Za-z][A-Za-z0-9_]*)>(?:${CDATA}|([^<&]*))<\/([A-Za-z][A-Za-z0-9_]*)>`;
const DOCUMENT = new RegExp(String.raw`^[ \t\r\n]*<xml>((?:${ELEMENT.replace(/\((?!\?)/g, '(?:')})*)[ \t\r\n]*<\/xml>[ \t\r\n]*$`);
const CHILD = new RegExp(ELEMENT, 'y');

/**
 * The fast path of reading WeCom's XML: every callback body (outer and inner) is a flat `<xml>` of elements holding
 * one CDATA section or bare text. For such a document this returns what fast-xml-parser returns (CDATA verbatim,
 * bare text trimmed) in a fraction of its time; for anything else — nesting, attributes, entities, a repeated
 * element, a prolog, malformed input — undefined, and the caller takes the full validator and parser.
 */
export function parseFlatXml(xml: string): Record<string, string> | undefined {
  const doc = DOCUMENT.exec(xml);
  if (!doc) return undefined;
  const children = doc[1];
  const out: Record<string, string> = {};
  CHILD.lastIndex = 0;
  while (CHILD.lastIndex < children.length) {
    const m = CHILD.exec(children);
    if (!m) return undefined;
    const [, open, cdata, text, close] = m;
    // A repeated element becomes an array in the full parser.
    if (open !== close || Object.prototype.hasOwnProperty.call(out, open)) return undefined;
    if (text !== undefined && text.includes(']]>')) return undefined;
    out[open] = cdata ?? text.trim();
  }
  // `<xml></xml>` is an empty string to the full parser, not an object: let it say so.
  return Object.keys(out).length > 0 ? out : undefined;
}
