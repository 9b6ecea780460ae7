import { AugkitError } from './errors.js';

/**
 * Edit distance between two names (optimal string alignment: insertions, deletions, substitutions and
 * swaps of neighbours each cost 1), compared case-insensitively.
 */
function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[s.length]![t.length]!;
}

/**
 * The known name closest to `name`, if it is close enough to be a typo: at most 2 edits, and fewer edits than
 * half the name's length (so `x` suggests nothing). Ties go to the first in `known`.
 *
 * @example
 * closestName('sizes', ['size', 'seed']); // 'size'
 * closestName('colour', ['size', 'seed']); // undefined
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= 2 && bestDistance * 2 < name.length ? best : undefined;
}

/**
 * Rejects the keys of `value` that are not in `known`, the first unknown one (in the object's key order)
 * named in an INVALID_ARGUMENT error with the closest known name, e.g.
 * ``Unknown option `sizes` for augment options: did you mean `size`? (known: input, out, size, …)``.
 * `noun` names what a key is ('option' for options objects, 'field' for recipe steps …). Call it before
 * checking the values, so a typo is reported before the missing value it causes.
 *
 * @throws {AugkitError} INVALID_ARGUMENT for the first unknown key.
 * @example
 * checkKnownKeys({ sizes: [64, 64] }, ['size', 'seed'], 'augment options');
 * // AugkitError: Unknown option `sizes` for augment options: did you mean `size`? (known: size, seed)
 */
export function checkKnownKeys(value: object, known: readonly string[], param: string, noun = 'option'): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const close = closestName(key, known);
    throw new AugkitError(
      'INVALID_ARGUMENT',
      `Unknown ${noun} \`${key}\` for ${param}: ${close === undefined ? '' : `did you mean \`${close}\`? `}(known: ${known.join(', ')})`,
    );
  }
}
