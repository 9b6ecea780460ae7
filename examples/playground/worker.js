// The playground's Web Worker: every augkit call runs here, off the page's main thread. It keeps the decoded
// original and the latest result; the page sends it file bytes and parameters and draws what comes back.
import { decode, encodePng, flipHorizontal, flipVertical, resize, rotate, saltAndPepper } from 'augkit';

const FILLS = { transparent: [0, 0, 0, 0], black: [0, 0, 0, 255], white: [255, 255, 255, 255] };

let original;
let result;

/** The page's parameters applied in a fixed order: resize, flips, rotate, salt-and-pepper. */
function apply(p) {
  let img = original;
  if (p.resize) img = resize(img, p.width, p.height, { antialias: p.antialias });
  if (p.flipH) img = flipHorizontal(img);
  if (p.flipV) img = flipVertical(img);
  if (p.angle !== 0) img = rotate(img, p.angle, { expand: p.expand, fill: FILLS[p.fill] });
  if (p.amount > 0) {
    img = saltAndPepper(img, { amount: p.amount, saltVsPepper: p.saltVsPepper, seed: p.seed, perChannel: p.perChannel });
  }
  return img;
}

self.onmessage = ({ data: message }) => {
  try {
    if (message.type === 'load') {
      original = decode(new Uint8Array(message.bytes));
      result = original;
      self.postMessage({ type: 'loaded', image: original });
    } else if (message.type === 'apply') {
      const started = performance.now();
      result = apply(message.params);
      self.postMessage({ type: 'result', image: result, version: message.version, ms: performance.now() - started });
    } else if (message.type === 'png') {
      const png = encodePng(result);
      self.postMessage({ type: 'png', bytes: png }, [png.buffer]);
    }
  } catch (error) {
    self.postMessage({ type: 'error', version: message.version, message: `${error.code ?? error.name}: ${error.message}` });
  }
};
