import { WelcomeVariant } from './welcome.types';

/** Picks a variant with probability weight / total; `roll` in [0, 1) is injectable for tests. */
export function pickVariant(variants: WelcomeVariant[], roll = Math.random()): WelcomeVariant | null {
  const total = variants.reduce((s, v) => s + v.weight, 0);
  if (variants.length === 0 || total <= 0) return null;
  let point = roll * total;
  for (const v of variants) {
    point -= v.weight;
    if (point < 0) return v;
  }
  return variants[variants.length - 1];
}
