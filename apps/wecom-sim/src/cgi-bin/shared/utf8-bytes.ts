/** WeCom counts text limits in UTF-8 bytes: one Chinese character is 3 bytes. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
