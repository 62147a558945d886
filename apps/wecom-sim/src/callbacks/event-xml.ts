/** A field value: text goes in CDATA, numbers are bare, a list becomes bare <Item>s. */
export type XmlValue = string | number | { items: string[] };

/** CDATA cannot hold "]]>": split it across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

function bare(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<xml>` with the fields in order; undefined fields are left out. */
export function buildXml(fields: [string, XmlValue | undefined][]): string {
  const body = fields
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => {
      if (typeof v === 'number') return `<${name}>${v}</${name}>`;
      if (typeof v === 'string') return `<${name}>${cdata(v)}</${name}>`;
      return `<${name}>${v!.items.map((i) => `<Item>${bare(i)}</Item>`).join('')}</${name}>`;
    })
    .join('');
  return `<xml>${body}</xml>`;
}
