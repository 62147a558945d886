export interface CallRecord {
  api: string;
  at: number;
  errcode: number;
}
