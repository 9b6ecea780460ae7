// The cross-runtime conformance list: fixed operations on fixture images, one SHA-256 per result.
// Plain JavaScript with no runtime-specific API (Web Crypto, TextEncoder and the augkit API only), so that
// Node, Deno, Bun, browser pages, Web Workers and bundles all run this very file. The entries
// (run.mjs, run.cjs) import augkit the way a user of that runtime would and pass it in.

/** Fixture files the list reads, relative to test/fixtures/. */
export const FIXTURES = [
  'golden/inputs/coffee-320x240.png',
  'golden/inputs/grad-alpha-64x48.png',
  'corpus/jpeg-baseline-420.jpg',
  'corpus/jpeg-baseline-422.jpg',
  'corpus/jpeg-baseline-444.jpg',
  'corpus/jpeg-progressive.jpg',
  'corpus/jpeg-gray.jpg',
  'corpus/jpeg-cmyk-adobe.jpg',
  'corpus/jpeg-restart-markers.jpg',
  'corpus/jpeg-exif-orientation-3.jpg',
  'corpus/jpeg-exif-orientation-6.jpg',
  'corpus/jpeg-exif-orientation-8.jpg',
  'corpus/png-rgba8.png',
  'corpus/png-rgb8.png',
  'corpus/png-gray8.png',
  'corpus/png-gray-alpha8.png',
  'corpus/png-palette.png',
  'corpus/png-palette-trns.png',
  'corpus/png-rgb16.png',
  'corpus/png-gray16.png',
  'corpus/png-gray1.png',
  'corpus/png-interlaced-rgba8.png',
  'libjpeg/sf-2x2-1x2-2x1.jpg',
  'libjpeg/sfp-4x1.jpg',
  'corpus/bad/png-truncated-half.png',
  'corpus/bad/jpeg-truncated-half.jpg',
  'corpus/bad/image.gif',
];

/** The operations on `photo` (a decoded PNG, 320×240), `jpeg` (a decoded JPEG, 161×113) and `alpha` (64×48, alpha ramp). */
const OPERATIONS = [
  ['resize png 320x240 -> 97x73', (a, { photo }) => a.resize(photo, 97, 73)],
  ['resize png 320x240 -> 97x73 antialias', (a, { photo }) => a.resize(photo, 97, 73, { antialias: true })],
  ['resize png 320x240 -> 451x333', (a, { photo }) => a.resize(photo, 451, 333)],
  ['resize png 320x240 -> 451x333 antialias', (a, { photo }) => a.resize(photo, 451, 333, { antialias: true })],
  ['resize jpeg 161x113 -> 40x120 antialias', (a, { jpeg }) => a.resize(jpeg, 40, 120, { antialias: true })],
  ['resize alpha 64x48 -> 17x13', (a, { alpha }) => a.resize(alpha, 17, 13)],
  ['flipHorizontal png', (a, { photo }) => a.flipHorizontal(photo)],
  ['flipVertical png', (a, { photo }) => a.flipVertical(photo)],
  ['flipHorizontal jpeg', (a, { jpeg }) => a.flipHorizontal(jpeg)],
  ['flipVertical jpeg', (a, { jpeg }) => a.flipVertical(jpeg)],
  ['rotate png 17', (a, { photo }) => a.rotate(photo, 17)],
  ['rotate png 17 expand', (a, { photo }) => a.rotate(photo, 17, { expand: true })],
  ['rotate png -33.3', (a, { photo }) => a.rotate(photo, -33.3)],
  ['rotate png -33.3 expand fill white', (a, { photo }) => a.rotate(photo, -33.3, { expand: true, fill: [255, 255, 255, 255] })],
  ['rotate png 90', (a, { photo }) => a.rotate(photo, 90)],
  ['rotate png 90 expand', (a, { photo }) => a.rotate(photo, 90, { expand: true })],
  ['rotate jpeg 161x113 17', (a, { jpeg }) => a.rotate(jpeg, 17)],
  ['rotate jpeg 161x113 90 (odd/even: half-pixel blend)', (a, { jpeg }) => a.rotate(jpeg, 90)],
  ['rotate jpeg 161x113 -33.3 expand', (a, { jpeg }) => a.rotate(jpeg, -33.3, { expand: true })],
  ['rotate alpha 1234.5 expand fill', (a, { alpha }) => a.rotate(alpha, 1234.5, { expand: true, fill: [10, 20, 30, 40] })],
  // geometric ops with border modes: every border, both interpolations
  ...['constant', 'edge', 'reflect', 'symmetric', 'wrap'].flatMap((border) => [
    [`warpAffine png rot17 scale1.1 shear5 ${border}`, (a, { photo }) => a.warpAffine(photo, [0.88, -0.27, 40.5, 0.31, 0.86, -20.25], { border, fill: [9, 99, 199, 255] })],
    [`affine jpeg ${border} nearest`, (a, { jpeg }) => a.affine(jpeg, { degrees: -23.5, translate: [7.5, -3], scale: [1.2, 0.8], shear: [10, -4] }, { border, interpolation: 'nearest' })],
    [`perspective alpha ${border}`, (a, { alpha }) => a.perspective(alpha, [[0, 0], [63, 0], [63, 47], [0, 47]], [[-6, 4], [60, -3], [70, 50], [5, 40]], { border })],
    [`rotate png 30 ${border}`, (a, { photo }) => a.rotate(photo, 30, { border })],
    [`pad jpeg 70 ${border}`, (a, { jpeg }) => a.pad(jpeg, { top: 70, right: 3, bottom: 170, left: 200 }, { border, fill: [1, 2, 3, 4] })],
  ]),
  ['affine png 90 (rotate bytes)', (a, { photo }) => a.affine(photo, { degrees: 90 })],
  ['crop png 100x50 at 17,33', (a, { photo }) => a.crop(photo, { x: 17, y: 33, width: 100, height: 50 })],
  ['centerCrop jpeg 100x99', (a, { jpeg }) => a.centerCrop(jpeg, 100, 99)],
  ['saltAndPepper png seed 42', (a, { photo }) => a.saltAndPepper(photo, { amount: 0.05, seed: 42 })],
  ['saltAndPepper png seed 42 perChannel', (a, { photo }) => a.saltAndPepper(photo, { amount: 0.05, seed: 42, perChannel: true })],
  [
    'saltAndPepper jpeg seed 2^53-1 amount 0.3 saltVsPepper 0.2',
    (a, { jpeg }) => a.saltAndPepper(jpeg, { amount: 0.3, saltVsPepper: 0.2, seed: 2 ** 53 - 1 }),
  ],
  ['saltAndPepper alpha seed 7 amount 1 perChannel', (a, { alpha }) => a.saltAndPepper(alpha, { amount: 1, seed: 7, perChannel: true })],
  // colour, filter, noise and occlusion ops (op catalogue II)
  ['grayscale png', (a, { photo }) => a.grayscale(photo)],
  ['adjustBrightness png 1.37', (a, { photo }) => a.adjustBrightness(photo, 1.37)],
  ['adjustContrast jpeg 0.6', (a, { jpeg }) => a.adjustContrast(jpeg, 0.6)],
  ['adjustSaturation png 1.8', (a, { photo }) => a.adjustSaturation(photo, 1.8)],
  ['adjustHue png 0.31', (a, { photo }) => a.adjustHue(photo, 0.31)],
  ['adjustHue jpeg -0.5', (a, { jpeg }) => a.adjustHue(jpeg, -0.5)],
  ['adjustGamma png 2.2 gain 0.9', (a, { photo }) => a.adjustGamma(photo, 2.2, 0.9)],
  ['adjustGamma alpha 0.45', (a, { alpha }) => a.adjustGamma(alpha, 0.45)],
  ['invert png', (a, { photo }) => a.invert(photo)],
  ['solarize jpeg 100', (a, { jpeg }) => a.solarize(jpeg, 100)],
  ['posterize png 3', (a, { photo }) => a.posterize(photo, 3)],
  ['equalize png', (a, { photo }) => a.equalize(photo)],
  ['autocontrast jpeg', (a, { jpeg }) => a.autocontrast(jpeg)],
  ['adjustSharpness png 2.5', (a, { photo }) => a.adjustSharpness(photo, 2.5)],
  ['channelShift alpha 12.5 -0.5 3.25', (a, { alpha }) => a.channelShift(alpha, [12.5, -0.5, 3.25])],
  ['gaussianBlur png sigma 2', (a, { photo }) => a.gaussianBlur(photo, { sigma: 2 })],
  ['gaussianBlur alpha sigma 7.5 kernelSize 101', (a, { alpha }) => a.gaussianBlur(alpha, { sigma: 7.5, kernelSize: 101 })],
  ['gaussianNoise png std 15 seed 42', (a, { photo }) => a.gaussianNoise(photo, { std: 15, seed: 42 })],
  ['gaussianNoise jpeg std 30 mean 5 luminance seed 2^53-1', (a, { jpeg }) => a.gaussianNoise(jpeg, { std: 30, mean: 5, perChannel: false, seed: 2 ** 53 - 1 })],
  ['erase png noise seed 7', (a, { photo }) => a.erase(photo, { x: 40, y: 30, width: 100, height: 60, value: 'noise', seed: 7 })],
  ['cutout jpeg at the corner', (a, { jpeg }) => a.cutout(jpeg, { centerX: 150, centerY: 5, size: 40, value: [255, 0, 128] })],
  ['jpegArtifacts png quality 25', (a, { photo }) => a.jpegArtifacts(photo, 25)],
  // random transforms (op catalogue I): a seed draws the same rectangle / matrix, so the same bytes, in every runtime
  ['randomAffine png seed 21 reflect', (a, { photo }) => a.randomAffine({ degrees: 20, translate: 0.1, scale: [0.8, 1.2], shear: 10, border: 'reflect' })(photo, { seed: 21 }).image],
  ['randomResizedCrop jpeg 96x96 seed 22', (a, { jpeg }) => a.randomResizedCrop(96, 96)(jpeg, { seed: 22 }).image],
  ['randomCrop alpha 64x48 padding 8 seed 23', (a, { alpha }) => a.randomCrop(64, 48, { padding: 8 })(alpha, { seed: 23 }).image],
  ['centerCropTo png 100x60', (a, { photo }) => a.centerCropTo(100, 60)(photo, { seed: 1 }).image],
  ['randomPerspective jpeg seed 2^53-1', (a, { jpeg }) => a.randomPerspective({ distortion: 0.5 })(jpeg, { seed: 2 ** 53 - 1 }).image],
  // random transforms (op catalogue II): a seed draws the same ops, so the same bytes, in every runtime
  ['colorJitter png seed 7', (a, { photo }) => a.colorJitter({ brightness: 0.4, contrast: 0.4, saturation: 0.4, hue: 0.1 })(photo, { seed: 7 }).image],
  ['colorJitter jpeg seed 2^53-1 hue only', (a, { jpeg }) => a.colorJitter({ hue: [-0.5, 0.5] })(jpeg, { seed: 2 ** 53 - 1 }).image],
  ['randomGrayscale alpha', (a, { alpha }) => a.randomGrayscale()(alpha, { seed: 1 }).image],
  ['randomInvert png p 0.5 seed 3', (a, { photo }) => a.randomInvert({ p: 0.5 })(photo, { seed: 3 }).image],
  ['randomSolarize jpeg 90', (a, { jpeg }) => a.randomSolarize({ threshold: 90 })(jpeg, { seed: 1 }).image],
  ['randomPosterize png 2', (a, { photo }) => a.randomPosterize({ bits: 2 })(photo, { seed: 1 }).image],
  ['randomEqualize jpeg', (a, { jpeg }) => a.randomEqualize()(jpeg, { seed: 1 }).image],
  ['randomAutocontrast png', (a, { photo }) => a.randomAutocontrast()(photo, { seed: 1 }).image],
  ['randomAdjustSharpness png 3', (a, { photo }) => a.randomAdjustSharpness({ factor: 3 })(photo, { seed: 1 }).image],
  ['randomGamma png seed 11', (a, { photo }) => a.randomGamma({ gamma: [0.4, 2.5] })(photo, { seed: 11 }).image],
  ['randomBrightness jpeg seed 12', (a, { jpeg }) => a.randomBrightness({ factor: 0.5 })(jpeg, { seed: 12 }).image],
  ['randomChannelShift alpha perChannel seed 13', (a, { alpha }) => a.randomChannelShift({ shift: 60, perChannel: true })(alpha, { seed: 13 }).image],
  ['randomGaussianBlur png seed 14', (a, { photo }) => a.randomGaussianBlur({ sigma: [0.5, 4] })(photo, { seed: 14 }).image],
  ['randomGaussianNoise jpeg seed 15', (a, { jpeg }) => a.randomGaussianNoise({ std: [5, 40] })(jpeg, { seed: 15 }).image],
  ['randomErasing png noise seed 16', (a, { photo }) => a.randomErasing({ value: 'noise' })(photo, { seed: 16 }).image],
  ['randomErasing jpeg colour seed 17', (a, { jpeg }) => a.randomErasing({ scale: [0.1, 0.5], value: [255, 128, 0] })(jpeg, { seed: 17 }).image],
  ['randomJpegQuality png seed 18', (a, { photo }) => a.randomJpegQuality({ quality: [10, 90] })(photo, { seed: 18 }).image],
  ['recipeFromKeras channel shift and brightness seed 19', (a, { photo }) => a.recipeFromKeras({ rotation_range: 10, channel_shift_range: 30, brightness_range: [0.6, 1.4] }).pipeline(photo, { seed: 19 }).image],
  // the automatic augmentation policies: the drawn ops (their float arithmetic) and the bytes, seeded
  ['randAugment png seed 42', (a, { photo }) => a.randAugment()(photo, { seed: 42 }).image],
  ['randAugment draws seeds 0..99', (a, { photo }) => Array.from({ length: 100 }, (_, seed) => a.randAugment({ numOps: 3, magnitude: 17 }).draw(seed, photo))],
  ['randAugment jpeg numOps 4 magnitude 25 bilinear reflect seed 2^53-1', (a, { jpeg }) =>
    a.randAugment({ numOps: 4, magnitude: 25, interpolation: 'bilinear', border: 'reflect' })(jpeg, { seed: 2 ** 53 - 1 }).image],
  ['trivialAugmentWide alpha seed 7 fill', (a, { alpha }) => a.trivialAugmentWide({ fill: [10, 20, 30, 40] })(alpha, { seed: 7 }).image],
  ['trivialAugmentWide draws seeds 0..99', (a, { photo }) => Array.from({ length: 100 }, (_, seed) => a.trivialAugmentWide().draw(seed, photo))],
  ...['imagenet', 'cifar10', 'svhn'].flatMap((policy) => [
    [`autoAugment ${policy} jpeg seed 3`, (a, { jpeg }) => a.autoAugment({ policy })(jpeg, { seed: 3 }).image],
    [`autoAugment ${policy} draws seeds 0..99`, (a, { jpeg }) => Array.from({ length: 100 }, (_, seed) => a.autoAugment({ policy }).draw(seed, jpeg))],
  ]),
  ['encodePng rotate png 17', (a, { photo }) => a.encodePng(a.rotate(photo, 17))],
  ['encodePng alpha level 0', (a, { alpha }) => a.encodePng(alpha, { level: 0 })],
  ['encodePng jpeg level 9', (a, { jpeg }) => a.encodePng(jpeg, { level: 9 })],
  ['encodeJpeg png quality 90', (a, { photo }) => a.encodeJpeg(photo)],
  ['encodeJpeg jpeg quality 50', (a, { jpeg }) => a.encodeJpeg(jpeg, { quality: 50 })],
  ['encodeJpeg png 444 quality 90', (a, { photo }) => a.encodeJpeg(photo, { chroma: '444' })],
  ['encodeJpeg jpeg 444 quality 100', (a, { jpeg }) => a.encodeJpeg(jpeg, { quality: 100, chroma: '444' })],
  ['encodeJpeg alpha 420 quality 1', (a, { alpha }) => a.encodeJpeg(alpha, { quality: 1 })],
  ['encodeJpeg png 444 reference (jpeg-js)', (a, { photo }) => a.encodeJpeg(photo, { chroma: '444', encoder: 'reference' })],
  ['decode encodePng roundtrip', (a, { photo }) => a.decode(a.encodePng(photo))],
];

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * SHA-256 of a result: an image hashes as its width and height (two little-endian u32) followed by its RGBA
 * bytes; encoded bytes hash as they are; anything else (an error code, a seed) as its JSON text.
 */
export async function sha256(value) {
  let bytes;
  if (value && typeof value === 'object' && 'width' in value && 'data' in value) {
    bytes = new Uint8Array(8 + value.data.length);
    new DataView(bytes.buffer).setUint32(0, value.width, true);
    new DataView(bytes.buffer).setUint32(4, value.height, true);
    bytes.set(value.data, 8);
  } else if (value instanceof Uint8Array) {
    bytes = value;
  } else {
    bytes = new TextEncoder().encode(JSON.stringify(value));
  }
  return hex(await crypto.subtle.digest('SHA-256', bytes));
}

/** A short description of the runtime running this file, for the report. */
export function describeRuntime() {
  const g = globalThis;
  if (g.Deno?.version) return `Deno ${g.Deno.version.deno} (V8 ${g.Deno.version.v8})`;
  if (g.Bun?.version) return `Bun ${g.Bun.version}`;
  if (g.process?.versions?.node) return `Node ${g.process.version} (V8 ${g.process.versions.v8})`;
  const browser = g.navigator?.userAgent ?? 'unknown';
  const worker = typeof g.WorkerGlobalScope !== 'undefined' && g instanceof g.WorkerGlobalScope;
  return worker ? `${browser} [Web Worker]` : browser;
}

/** A result's size for the report: `WxH` for an image, the byte count for encoded bytes. */
function describe(value) {
  if (value && typeof value === 'object' && 'width' in value) return `${value.width}x${value.height}`;
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  return JSON.stringify(value);
}

/**
 * Runs the whole list. `augkit` is the imported module (namespace or `require` result); `readFixture(path)`
 * resolves to the bytes of test/fixtures/<path>. Resolves to `{ runtime, results }` where `results` maps
 * each op's name to `{ sha256, size }`, or `{ error }` when it threw unexpectedly, so every op
 * is compared even when one breaks.
 */
export async function runConformance(augkit, readFixture) {
  const files = {};
  for (const path of FIXTURES) files[path] = await readFixture(path);
  const results = {};
  /** Runs one op; only the inputs under corpus/bad/ may throw, and then their AugkitError code is the result. */
  const record = async (name, compute, mayThrow = false) => {
    try {
      const value = compute();
      results[name] = { sha256: await sha256(value), size: describe(value) };
    } catch (error) {
      const code = error?.code;
      if (mayThrow && typeof code === 'string' && code !== 'INTERNAL') {
        results[name] = { sha256: await sha256({ code }), size: `throws ${code}` };
      } else {
        results[name] = { error: `${error?.name ?? 'Error'}${code ? ` ${code}` : ''}: ${error?.message ?? error}` };
      }
    }
  };
  for (const path of FIXTURES) {
    await record(`decode ${path}`, () => augkit.decode(files[path]), path.startsWith('corpus/bad/'));
  }
  // the JavaScript reference decoder (jpeg-js) the WebAssembly one must equal, in every runtime; PNG's
  // (pngjs) is an optional peer loaded on demand where a runtime can require it, compared in test/codecs
  for (const path of FIXTURES.filter((p) => p.endsWith('.jpg'))) {
    const reference = () => augkit.decode(files[path], { decoder: 'reference' });
    await record(`decode ${path} decoder reference`, reference, path.startsWith('corpus/bad/'));
  }
  // libjpeg-turbo's pixels (islow IDCT, fancy upsampling, integer colour), in every runtime
  for (const path of FIXTURES.filter((p) => p.endsWith('.jpg'))) {
    const libjpeg = () => augkit.decode(files[path], { jpeg: 'libjpeg' });
    await record(`decode ${path} jpeg libjpeg`, libjpeg, path.startsWith('corpus/bad/'));
  }
  await record('decode corpus/jpeg-exif-orientation-6.jpg orientation ignore', () =>
    augkit.decode(files['corpus/jpeg-exif-orientation-6.jpg'], { orientation: 'ignore' }),
  );
  await record('decode ArrayBuffer', () => augkit.decode(files['corpus/jpeg-baseline-444.jpg'].slice().buffer));
  const inputs = {
    photo: augkit.decode(files['golden/inputs/coffee-320x240.png']),
    jpeg: augkit.decode(files['corpus/jpeg-baseline-420.jpg']),
    alpha: augkit.decode(files['golden/inputs/grad-alpha-64x48.png']),
  };
  for (const [name, op] of OPERATIONS) await record(name, () => op(augkit, inputs));
  return { runtime: describeRuntime(), results };
}
