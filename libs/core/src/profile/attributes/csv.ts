import { CsvError, parse } from 'csv-parse/sync';

/** One CSV record with the line its first character is on (the header is line 1), so errors can point at the file. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

const LINE_BREAK = /\r\n|\n|\r/g;

/** RFC 4180 through csv-parse; a BOM (Excel writes one) and blank lines are skipped, line endings may be mixed. */
export function parseCsv(text: string): CsvRecord[] {
  try {
    const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    // csv-parse reports the line a record ends on; a quoted field may span lines.
    return rows.map(({ record, info }) => ({ line: info.lines - record.reduce((n, f) => n + (f.match(LINE_BREAK)?.length ?? 0), 0), fields: record }));
  } catch (err) {
    if (err instanceof CsvError) throw new CsvSyntaxError((err as CsvError & { lines?: number }).lines ?? 0, err.message.replace(/ at line \d+/, ''));
    throw err;
  }
}
