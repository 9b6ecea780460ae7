import type { AugkitImage } from '../image.js';

/**
 * The memory `augment` gives by default to the decoded sources its check keeps for the write phase: 512 MiB,
 * about 800 sources at `--size 400x400` or 2 600 at 224×224 (4 bytes a pixel).
 *
 * @example
 * await augment({ input: 'data', out: 'augmented', cacheBytes: 2 * DEFAULT_CACHE_BYTES }); // 1 GiB
 */
export const DEFAULT_CACHE_BYTES = 512 * 1024 * 1024;

/**
 * The images a decode check keeps for the write phase (each source decoded and run through the base ops),
 * by source path, within a memory budget: room is reserved before a source is checked — in the sources'
 * order, at the size its header gives — so which sources are kept does not depend on the order in which
 * checks finish, and what does not fit is decoded again by the write phase. It lives in one process and
 * changes no output: a kept image is the one the write phase would decode.
 *
 * @example
 * const cache = new BaseCache(DEFAULT_CACHE_BYTES);
 * if (cache.reserve('cat/a.jpg', 400 * 400 * 4)) cache.settle('cat/a.jpg', base);
 * const kept = cache.take('cat/a.jpg'); // base, now out of the cache
 */
export class BaseCache {
  readonly #images = new Map<string, AugkitImage>();
  readonly #reserved = new Map<string, number>();
  #used = 0;
  #peak = 0;

  /** @param budget - bytes the kept images and reservations may take together */
  constructor(readonly budget: number) {}

  #count(bytes: number): void {
    this.#used += bytes;
    this.#peak = Math.max(this.#peak, this.#used);
  }

  /** Reserves `bytes` for the image of `path`; false (nothing reserved) when they do not fit in the budget. */
  reserve(path: string, bytes: number): boolean {
    if (this.#used + bytes > this.budget) return false;
    this.#reserved.set(path, bytes);
    this.#count(bytes);
    return true;
  }

  /**
   * Replaces the reservation for `path` by its image, counted at its buffer's real size (and left out when
   * that no longer fits), or frees it when there is no image (the source did not decode).
   */
  settle(path: string, image: AugkitImage | undefined): void {
    this.#used -= this.#reserved.get(path) ?? 0;
    this.#reserved.delete(path);
    if (image === undefined || this.#used + image.data.buffer.byteLength > this.budget) return;
    this.#images.set(path, image);
    this.#count(image.data.buffer.byteLength);
  }

  /** The image kept for `path`, handed over (the cache forgets it), or undefined. */
  take(path: string): AugkitImage | undefined {
    const image = this.#images.get(path);
    if (image === undefined) return undefined;
    this.#images.delete(path);
    this.#used -= image.data.buffer.byteLength;
    return image;
  }

  /** Bytes kept or reserved now. */
  get usedBytes(): number {
    return this.#used;
  }

  /** The most bytes kept or reserved at once so far: never above {@link budget}. */
  get peakBytes(): number {
    return this.#peak;
  }

  /** How many images are kept now. */
  get size(): number {
    return this.#images.size;
  }
}
