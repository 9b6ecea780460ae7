// Plain-JavaScript baselines that are not a library: what a user would write without one.
import type { RgbaImage } from '../../src/index.js';

/**
 * Salt-and-pepper as the obvious loop: copy the image, then one Math.random() draw per pixel
 * (and one more per hit for salt or pepper). The "plain-JS loop" of the salt-and-pepper goal.
 */
export function saltAndPepperLoop(img: RgbaImage, amount: number, saltVsPepper: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(img.data);
  for (let i = 0; i < out.length; i += 4) {
    if (Math.random() < amount) {
      const v = Math.random() < saltVsPepper ? 255 : 0;
      out[i] = v;
      out[i + 1] = v;
      out[i + 2] = v;
    }
  }
  return out;
}
