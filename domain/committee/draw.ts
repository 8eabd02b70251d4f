// The random draw, as a pure function of (pool, seed): the seed is recorded with each draw, so
// anyone holding the audit row can recompute the order and check who was seated and skipped.
import type { PoolExpert } from './types';

/** cyrb128: spreads a seed string over four 32-bit words (public-domain string hash). */
function hash128(seed: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** sfc32: a small, well-tested 32-bit generator; returns numbers in [0, 1). */
function sfc32([a, b, c, d]: [number, number, number, number]) {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** The pool in draw order: ids sorted first, so the order depends on the seed alone. */
export function drawOrder(expertIds: readonly string[], seed: string): string[] {
  const order = [...expertIds].sort();
  const next = sfc32(hash128(seed));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export interface DrawPick {
  expertId: string;
  /** Set when the expert was skipped for a conflict (回避). */
  conflict?: string;
}

/**
 * Walks the shuffled pool, skipping experts who already hold a row in this meeting, recording
 * each conflicted expert as skipped, until `need` experts are seated or the pool runs out.
 */
export function drawSeats(pool: readonly PoolExpert[], seed: string, need: number, taken: ReadonlySet<string>): { picks: DrawPick[]; short: number } {
  const byId = new Map(pool.map((x) => [x.expertId, x]));
  const picks: DrawPick[] = [];
  let seated = 0;
  for (const id of drawOrder([...byId.keys()], seed)) {
    if (seated === need) break;
    if (taken.has(id)) continue;
    const conflict = byId.get(id)!.conflict;
    picks.push(conflict ? { expertId: id, conflict } : { expertId: id });
    if (!conflict) seated++;
  }
  return { picks, short: need - seated };
}
