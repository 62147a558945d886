/** Collects bind values for a query built in pieces: every value from a rule goes through here, never into the text. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and answers its placeholder, cast when `cast` is given (pg cannot infer types inside expressions). */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }

  /** A copy to extend for one query while the original is reused for the next. */
  clone(): SqlParams {
    const copy = new SqlParams();
    copy.values.push(...this.values);
    return copy;
  }
}
