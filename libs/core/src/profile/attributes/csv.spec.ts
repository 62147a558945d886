import { CsvSyntaxError, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads plain, quoted and escaped fields with CRLF or LF, skipping blank lines', () => {
    const text = '\ufeffid,name\r\na,"x, y"\n\nb,"say ""hi"""\nc,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['a', 'x, y'] },
      { line: 4, fields: ['b', 'say "hi"'] },
      { line: 5, fields: ['c', ''] },
    ]);
  });

  it('keeps line breaks inside quotes and counts lines past them', () => {
    expect(parseCsv('a,"1\n2"\nb,3')).toEqual([
      { line: 1, fields: ['a', '1\n2'] },
      { line: 3, fields: ['b', '3'] },
    ]);
  });

  it('refuses an unclosed quote and stray quotes', () => {
    expect(() => parseCsv('a,"open\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b"c\n')).toThrow('line 1');
    expect(() => parseCsv('a,"b"c\n')).toThrow(/closing quote/i);
  });
});
