import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFlatXml } from './flat-xml';

// The two full parsers the fast path stands in for (inner events, and the outer body's Encrypt).
const inner = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: true, htmlEntities: false, isArray: (n) => n === 'Item' });
const outer = new XMLParser({ parseTagValue: false, ignoreAttributes: true, processEntities: false });
const full = (p: XMLParser, xml: string) => (XMLValidator.validate(xml) === true ? (p.parse(xml) as { xml?: unknown }).xml : undefined);

const fixtures = join(__dirname, 'fixtures');
const vectors = JSON.parse(readFileSync(join(__dirname, '..', 'callback', 'fixtures', 'crypto-vectors.json'), 'utf8'));

describe('parseFlatXml: the fast path gives what the full parser gives, or nothing', () => {
  const documents: [string, string][] = [
    ...readdirSync(fixtures).filter((f) => f.endsWith('.xml')).map((f): [string, string] => [f, readFileSync(join(fixtures, f), 'utf8')]),
    ['official post body', vectors.post.body],
    ['official post plaintext', vectors.post.expected],
    ['CDATA kept verbatim, bare text trimmed, empty elements', '<xml><A><![CDATA[ a b ]]></A><B> 12 </B><C></C><D><![CDATA[]]></D><E><![CDATA[x&amp;y]]></E></xml>'],
    ['whitespace between elements', '\n<xml>\n  <A><![CDATA[v]]></A>\r\n\t<B>1</B>\n</xml>\n'],
    ['brackets inside CDATA', '<xml><A><![CDATA[a]]]]></A><B><![CDATA[]>]]></B></xml>'],
  ];

  it.each(documents)('%s', (_name, xml) => {
    const fast = parseFlatXml(xml);
    if (fast) {
      expect(fast).toEqual(full(inner, xml));
      expect(fast).toEqual(full(outer, xml));
    }
  });

  it('takes the fast path for every flat fixture (the ones WeCom sends for contacts)', () => {
    expect(parseFlatXml(readFileSync(join(fixtures, 'add-external-contact.xml'), 'utf8'))).toBeDefined();
    expect(parseFlatXml(vectors.post.body)).toBeDefined();
  });

  it.each([
    ['a repeated element (an array to the full parser)', '<xml><A>x</A><A>y</A></xml>'],
    ['nesting', '<xml><L><Item>a</Item></L></xml>'],
    ['an entity', '<xml><A>a &amp; b</A></xml>'],
    ['an attribute', '<xml><A k="v">x</A></xml>'],
    ['mismatched tags', '<xml><A><![CDATA[a]]></B></xml>'],
    ['text after CDATA', '<xml><A><![CDATA[a]]>b</A></xml>'],
    ['an empty document', '<xml></xml>'],
    ['a prolog', '<?xml version="1.0"?><xml><A>x</A></xml>'],
    ['a self-closing element', '<xml><A/></xml>'],
    ['unclosed', '<xml><A>x</A>'],
    ['not xml', 'hello'],
  ])('leaves %s to the full parser', (_name, xml) => {
    expect(parseFlatXml(xml)).toBeUndefined();
  });

  it('stays linear on hostile input', () => {
    const started = Date.now();
    parseFlatXml(`<xml><A><![CDATA[${']]>'.repeat(20_000)}</xml>`);
    parseFlatXml(`<xml>${'<A><![CDATA[x]]>'.repeat(5_000)}`);
    parseFlatXml(`<xml><A>${' '.repeat(60_000)}x`);
    expect(Date.now() - started).toBeLessThan(200);
  });
});
