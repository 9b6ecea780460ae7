// The geometric random transforms: what they draw (properties over many seeds), that they record concrete
// ops (pixels, matrix parameters) which replay to the same bytes, and that they equal the functional ops.
import { describe, expect, it } from 'vitest';
import {
  affine,
  centerCrop,
  centerCropTo,
  compose,
  crop,
  pad,
  parseRecipe,
  perspective,
  randomAffine,
  randomCrop,
  randomPerspective,
  randomResizedCrop,
  replay,
  resize,
  type AppliedOp,
} from '../../src/index.js';
import { errorCode } from '../helpers/errors.js';
import { bytesEqual, randomImage } from '../helpers/images.js';

type Of<K extends AppliedOp['op']> = Extract<AppliedOp, { op: K }>;
const seeds = Array.from({ length: 300 }, (_, i) => i * 7919 + 1);

describe('randomResizedCrop (torchvision’s algorithm, seeded)', () => {
  const sizes = [[640, 480], [480, 640], [100, 100], [37, 301], [5, 3]] as const;

  it('the rectangle is always inside the image, and its sides are those of an area in scale·W·H and a ratio in ratio', () => {
    for (const [W, H] of sizes) {
      for (const [scale, ratio] of [[[0.08, 1], [3 / 4, 4 / 3]], [[0.5, 0.6], [0.2, 5]]] as const) {
        const t = randomResizedCrop(64, 32, { scale: [...scale], ratio: [...ratio] });
        for (const seed of seeds) {
          const [c] = t.draw(seed, { width: W, height: H }) as [Of<'crop'>, Of<'resize'>];
          const { x, y, width: w, height: h } = c;
          expect(x >= 0 && y >= 0 && w >= 1 && h >= 1 && x + w <= W && y + h <= H, `${W}×${H} seed ${seed}`).toBe(true);
          // round(√(A·r)) = w and round(√(A/r)) = h for some A in the area range and r in the ratio range
          const areaFits = (w - 0.5) * (h - 0.5) <= scale[1] * W * H && (w + 0.5) * (h + 0.5) >= scale[0] * W * H;
          const ratioFits = (w - 0.5) / (h + 0.5) <= ratio[1] && (w + 0.5) / (h - 0.5) >= ratio[0];
          // otherwise it is the fallback: the centre crop with the image's ratio clamped into the range
          const centred = x === Math.floor((W - w) / 2) && y === Math.floor((H - h) / 2) && (w === W || h === H);
          expect((areaFits && ratioFits) || centred, `${W}×${H} seed ${seed}: ${w}×${h}`).toBe(true);
        }
      }
    }
  });

  it('positions spread over the whole free range', () => {
    const xs = new Set<number>();
    const t = randomResizedCrop(8, 8, { scale: [0.25, 0.25], ratio: [1, 1] });
    for (const seed of seeds) xs.add((t.draw(seed, { width: 20, height: 20 })[0] as Of<'crop'>).x);
    expect([...xs].sort((a, b) => a - b)).toEqual(Array.from({ length: 11 }, (_, i) => i)); // w = 10: x in 0..10
  });

  it('falls back to the centre crop with the ratio clamped when no attempt fits (scale 1, ratio 2 on a square)', () => {
    expect(randomResizedCrop(16, 16, { scale: [1, 1], ratio: [2, 2] }).draw(5, { width: 100, height: 100 })).toEqual([
      { op: 'crop', x: 0, y: 25, width: 100, height: 50 },
      { op: 'resize', width: 16, height: 16, antialias: true },
    ]);
  });

  it('same seed, same rectangle and bytes; the image is crop then resize with the recorded rectangle', () => {
    const img = randomImage(61, 47, 3);
    const t = randomResizedCrop(24, 20);
    for (const seed of seeds.slice(0, 20)) {
      const { image, applied } = t(img, { seed });
      expect(t(img, { seed }).applied).toEqual(applied);
      const [c] = applied as [Of<'crop'>];
      const expected = resize(crop(img, { x: c.x, y: c.y, width: c.width, height: c.height }), 24, 20, { antialias: true });
      expect(bytesEqual(image.data, expected.data)).toBe(true);
      expect(bytesEqual(replay(img, JSON.parse(JSON.stringify(applied))).data, image.data)).toBe(true);
    }
  });

  it('needs the image size to draw', () => {
    expect(errorCode(() => randomResizedCrop(8, 8).draw(1))).toBe('INVALID_ARGUMENT');
    expect(() => randomResizedCrop(8, 8).draw(1)).toThrow('randomResizedCrop draws from the image size');
  });
});

describe('randomCrop and the centerCrop step', () => {
  const img = randomImage(30, 20, 9);

  it('the crop is inside the (padded) image, positions cover it, and the bytes are pad then crop', () => {
    const t = randomCrop(16, 16, { padding: 4, border: 'reflect' });
    const xs = new Set<number>();
    for (const seed of seeds.slice(0, 120)) {
      const { image, applied } = t(img, { seed });
      const [p, c] = applied as [Of<'pad'>, Of<'crop'>];
      expect(p).toEqual({ op: 'pad', top: 4, right: 4, bottom: 4, left: 4, border: 'reflect', fill: [0, 0, 0, 0] });
      expect(c.x + 16 <= 38 && c.y + 16 <= 28).toBe(true);
      xs.add(c.x);
      const expected = crop(pad(img, { top: 4, right: 4, bottom: 4, left: 4 }, { border: 'reflect' }), c);
      expect(bytesEqual(image.data, expected.data)).toBe(true);
    }
    expect(xs.size).toBe(38 - 16 + 1);
  });

  it('padIfNeeded pads by the shortfall on both sides (as torchvision); without it a crop too large is INVALID_ARGUMENT', () => {
    const [p] = randomCrop(40, 20, { padIfNeeded: true }).draw(1, { width: 30, height: 20 }) as [Of<'pad'>];
    expect(p).toMatchObject({ top: 0, bottom: 0, left: 10, right: 10 });
    expect(errorCode(() => randomCrop(40, 20).draw(1, { width: 30, height: 20 }))).toBe('INVALID_ARGUMENT');
    expect(() => randomCrop(40, 20)(img, { seed: 1 })).toThrow('does not fit the 30×20 (padded) image');
  });

  it('centerCropTo is the centerCrop op as a step', () => {
    const { image, applied } = centerCropTo(11, 7)(img, { seed: 0 });
    expect(applied).toEqual([{ op: 'centerCrop', width: 11, height: 7 }]);
    expect(bytesEqual(image.data, centerCrop(img, 11, 7).data)).toBe(true);
  });
});

describe('randomAffine and randomPerspective', () => {
  const img = randomImage(40, 30, 4);

  it('randomAffine draws within its ranges, translations in pixels of the image size, and records affine', () => {
    const t = randomAffine({ degrees: [-10, 20], translate: [0.1, 0.2], scale: [0.8, 1.2], shear: 5, shearY: [1, 2] });
    for (const seed of seeds.slice(0, 100)) {
      const { image, applied } = t(img, { seed });
      const [a] = applied as [Of<'affine'>];
      expect(a.degrees >= -10 && a.degrees < 20).toBe(true);
      expect(Math.abs(a.translate[0]) <= 4 && Math.abs(a.translate[1]) <= 6).toBe(true);
      expect(a.scale[0]).toBe(a.scale[1]);
      expect(a.scale[0] >= 0.8 && a.scale[0] < 1.2).toBe(true);
      expect(Math.abs(a.shear[0]) <= 5 && a.shear[1] >= 1 && a.shear[1] < 2).toBe(true);
      const { degrees, translate, scale, shear } = a;
      expect(bytesEqual(image.data, affine(img, { degrees, translate, scale, shear }).data)).toBe(true);
    }
  });

  it('randomAffine with its defaults is the identity: a copy', () => {
    expect(bytesEqual(randomAffine()(img, { seed: 3 }).image.data, img.data)).toBe(true);
  });

  it('randomPerspective moves each corner inwards by integers within distortion·size/2, and equals perspective', () => {
    const t = randomPerspective({ distortion: 0.4 });
    for (const seed of seeds.slice(0, 100)) {
      const { image, applied } = t(img, { seed });
      const [q] = applied as [Of<'perspective'>];
      expect(q.from).toEqual([[0, 0], [39, 0], [39, 29], [0, 29]]);
      q.to.forEach(([x, y], i) => {
        const [fx, fy] = q.from[i]!;
        expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
        expect(Math.abs(x - fx) <= 8 && Math.abs(y - fy) <= 6).toBe(true);
        expect((x - fx) * (fx === 0 ? 1 : -1) >= 0 && (y - fy) * (fy === 0 ? 1 : -1) >= 0).toBe(true); // inwards
      });
      expect(bytesEqual(image.data, perspective(img, q.from, q.to).data)).toBe(true);
    }
  });

  it('distortion 0 leaves the corners in place: a copy', () => {
    expect(bytesEqual(randomPerspective({ distortion: 0 })(img, { seed: 2 }).image.data, img.data)).toBe(true);
  });
});

describe('in recipes', () => {
  it('every new step parses from JSON, draws for the size each step leaves, and replays', () => {
    const recipe = parseRecipe({
      name: 'geometry',
      steps: [
        { op: 'randomResizedCrop', width: 48, height: 40, scale: [0.3, 1] },
        { op: 'randomAffine', degrees: 10, translate: [0.1, 0.1], border: 'reflect' },
        { op: 'randomCrop', width: 40, height: 40, padding: 2 },
        { op: 'randomPerspective', distortion: 0.2, p: 0.5 },
        { op: 'centerCrop', width: 32, height: 32 },
      ],
    });
    const img = randomImage(70, 50, 8);
    for (const seed of seeds.slice(0, 30)) {
      const { image, applied } = recipe.pipeline(img, { seed });
      expect([image.width, image.height]).toEqual([32, 32]);
      expect(recipe.pipeline.draw(seed, { width: 70, height: 50 })).toEqual(applied);
      expect(bytesEqual(replay(img, JSON.parse(JSON.stringify(applied))).data, image.data)).toBe(true);
    }
  });

  it('a misspelt option is named with a suggestion', () => {
    expect(() => parseRecipe({ name: 'r', steps: [{ op: 'randomResizedCrop', width: 8, height: 8, ratios: [1, 2] }] })).toThrow(
      'Unknown field `ratios` for steps[0] (randomResizedCrop): did you mean `ratio`?',
    );
    expect(() => compose([{ op: 'randomCrop', width: 8 } as never])).toThrow('transforms[0].height');
  });
});
