/** WeCom hands a multi-member contact way's new customer to one of its members at random. */
export function pickRandom<T>(list: readonly T[], rand: () => number = Math.random): T | undefined {
  if (list.length === 0) return undefined;
  return list[Math.min(list.length - 1, Math.floor(rand() * list.length))];
}
