import type { RgbaImage } from '../image.js';
import { ADVANCE, glyph } from './font.js';

/** An RGB colour, 0..255 each. */
export type Color = readonly [number, number, number];
/** The two greys under transparent pixels. */
const CHECKER: readonly [Color, Color] = [
  [70, 70, 70],
  [50, 50, 50],
];

/**
 * A plain RGBA canvas with rectangles, alpha-blended images and bitmap-font text: what the contact sheet
 * and the compare chart are drawn on.
 *
 * @example
 * const canvas = new Canvas(200, 100, [30, 30, 30]);
 * canvas.text('hello', 8, 8, [235, 235, 235], 2);
 * await writeFile('x.png', encodePng({ width: 200, height: 100, data: canvas.data }));
 */
export class Canvas {
  readonly data: Uint8ClampedArray;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Color,
  ) {
    this.data = new Uint8ClampedArray(width * height * 4);
    this.fill(0, 0, width, height, background);
  }

  fill(x0: number, y0: number, w: number, h: number, [r, g, b]: Color): void {
    for (let y = Math.max(0, y0); y < Math.min(this.height, y0 + h); y++) {
      for (let x = Math.max(0, x0); x < Math.min(this.width, x0 + w); x++) {
        const i = (y * this.width + x) * 4;
        this.data[i] = r;
        this.data[i + 1] = g;
        this.data[i + 2] = b;
        this.data[i + 3] = 255;
      }
    }
  }

  /** Draws `img` at (x0, y0), alpha-blended over a checkerboard so transparent areas show. */
  blend(img: RgbaImage, x0: number, y0: number): void {
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        const s = (y * img.width + x) * 4;
        const d = ((y0 + y) * this.width + x0 + x) * 4;
        const under = CHECKER[((x >> 3) + (y >> 3)) & 1]!;
        const a = img.data[s + 3]!;
        for (let c = 0; c < 3; c++) this.data[d + c] = Math.round((img.data[s + c]! * a + under[c]! * (255 - a)) / 255);
        this.data[d + 3] = 255;
      }
    }
  }

  text(text: string, x0: number, y0: number, color: Color, scale = 1): void {
    let x = x0;
    for (const ch of text) {
      const rows = glyph(ch);
      rows.forEach((row, gy) =>
        row.forEach((on, gx) => {
          if (on) this.fill(x + gx * scale, y0 + gy * scale, scale, scale, color);
        }),
      );
      x += ADVANCE * scale;
    }
  }
}

