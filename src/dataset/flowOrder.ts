import { deriveSeed } from '../pipeline/seed.js';
import type { FlowImage } from './flowSource.js';
import { shuffleInPlace } from './shuffle.js';

/** One draw of an epoch: an image and the pipeline seed it is augmented with. */
export interface FlowDraw {
  readonly image: FlowImage;
  /** 0 for an image's first draw in the epoch, 1, 2 … for its repeats under `balance`. */
  readonly repeat: number;
  /** `deriveSeed(seed, 'flow', epoch, path)` for the first draw, `deriveSeed(seed, 'flow', epoch, path, repeat)` for a repeat. */
  readonly seed: number;
}

/** How many images of each label `images` holds. */
export function labelCounts(images: readonly FlowImage[], classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (const { label } of images) counts[label]!++;
  return counts;
}

/**
 * The draws of epoch `epoch`, in order. Without `balance`, each image once. With `balance`, every class
 * with images is drawn as often as the largest class: a class of n images drawn t times draws each image
 * `floor(t / n)` times and the first `t mod n` of its images in a shuffle seeded by
 * `deriveSeed(seed, 'balance', epoch, className)` once more. Then, with `shuffle`, the draws are shuffled
 * with `deriveSeed(seed, 'flow', epoch)`.
 *
 * @example
 * const draws = epochDraws(images, ['cat', 'dog'], { seed: 0, shuffle: true, balance: true }, 3);
 */
export function epochDraws(
  images: readonly FlowImage[],
  classNames: readonly string[],
  config: { readonly seed: number; readonly shuffle: boolean; readonly balance: boolean },
  epoch: number,
): FlowDraw[] {
  const draw = (image: FlowImage, repeat: number): FlowDraw => ({
    image,
    repeat,
    seed: repeat === 0 ? deriveSeed(config.seed, 'flow', epoch, image.source.path) : deriveSeed(config.seed, 'flow', epoch, image.source.path, repeat),
  });
  let draws: FlowDraw[];
  if (!config.balance) {
    draws = images.map((image) => draw(image, 0));
  } else {
    const target = Math.max(0, ...labelCounts(images, classNames.length));
    draws = [];
    classNames.forEach((className, label) => {
      const mine = images.filter((image) => image.label === label);
      if (mine.length === 0) return;
      const times = Math.floor(target / mine.length);
      const extra = new Set(shuffleInPlace([...mine], deriveSeed(config.seed, 'balance', epoch, className)).slice(0, target % mine.length));
      for (const image of mine) {
        const n = times + (extra.has(image) ? 1 : 0);
        for (let repeat = 0; repeat < n; repeat++) draws.push(draw(image, repeat));
      }
    });
  }
  return config.shuffle ? shuffleInPlace(draws, deriveSeed(config.seed, 'flow', epoch)) : draws;
}
