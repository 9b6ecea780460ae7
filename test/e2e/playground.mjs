// End-to-end test of the playground (examples/playground) in headless Chromium (`npm run test:e2e`, part of
// `npm test`; needs `npm run build`): loads a fixture through the file input, rotates it with the angle
// box, reads the result canvas back and compares its SHA-256 with Node's result for the same op; then turns
// on expand and salt-and-pepper, downloads the PNG and compares it with Node's encodePng. Saves a screenshot
// to out/e2e/playground.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encodePng, rotate, saltAndPepper } from 'augkit';
import { startPlayground } from '../../examples/playground/serve.mjs';
import { browserSkipReason, launchChromium } from '../conformance/lib/chromium.mjs';
import { sha256 } from '../conformance/ops.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(root, 'test/fixtures/golden/inputs/coffee-600x400.png');
const SCREENSHOT = join(root, 'out/e2e/playground.png');
const WHITE = [255, 255, 255, 255];

const results = [];
function check(name, actual, expected) {
  const ok = actual === expected;
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `\n     page: ${actual}\n     node: ${expected}`}`);
}

/** How many results (or errors) the page has shown so far. */
const settledCount = (page) => page.evaluate(() => Number(document.body.dataset.settled ?? 0));

/** Runs `action`, then waits until the page shows the result of its latest parameters. */
async function act(page, action) {
  const before = await settledCount(page);
  await action();
  await page.waitForFunction(
    (n) => Number(document.body.dataset.settled ?? 0) > n && document.body.dataset.state !== 'busy',
    before,
    { timeout: 30_000 },
  );
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== 'ready') throw new Error(`the playground says: ${await page.textContent('#status')}`);
}

/** SHA-256 of a canvas's pixels, hashed as ops.mjs hashes an image (width, height, RGBA bytes). */
function canvasHash(page, selector) {
  return page.evaluate(async (sel) => {
    const canvas = document.querySelector(sel);
    const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const bytes = new Uint8Array(8 + data.length);
    new DataView(bytes.buffer).setUint32(0, width, true);
    new DataView(bytes.buffer).setUint32(4, height, true);
    bytes.set(data, 8);
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    return `${width}x${height} ${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`;
  }, selector);
}

const describe = async (image) => `${image.width}x${image.height} ${await sha256(image)}`;

const skip = browserSkipReason('the playground e2e test');
if (skip !== null) {
  console.log(skip);
  console.log('e2e: 0 passed, 0 failed, 1 skipped');
  process.exit(0);
}

const started = performance.now();
const server = await startPlayground({ port: 0 });
const browser = await launchChromium();
const problems = [];
try {
  const page = await browser.context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console.error: ${message.text()}`));
  await page.goto(server.url);

  const original = decode(readFileSync(FIXTURE));
  await act(page, () => page.setInputFiles('#file', FIXTURE));
  check('the original canvas shows decode(fixture)', await canvasHash(page, '#original'), await describe(original));

  // Opaque fill: a canvas stores premultiplied alpha, so only opaque pixels read back exactly.
  await act(page, async () => {
    await page.selectOption('#fill', 'white');
    await page.fill('#angle', '17');
  });
  check(
    'rotate 17° (fill white): result canvas = Node rotate',
    await canvasHash(page, '#result'),
    await describe(rotate(original, 17, { fill: WHITE })),
  );

  await act(page, async () => {
    await page.selectOption('#fill', 'transparent');
    await page.check('#expand');
    await page.fill('#amount', '0.03');
    await page.fill('#seed', '7');
  });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const png = new Uint8Array(readFileSync(await download.path()));
  const expected = encodePng(saltAndPepper(rotate(original, 17, { expand: true }), { amount: 0.03, seed: 7 }));
  check('rotate 17° expand + salt-and-pepper 0.03 seed 7: downloaded PNG = Node encodePng', await sha256(png), await sha256(expected));
  check('downloaded file name', download.suggestedFilename(), 'coffee-600x400-augkit.png');

  mkdirSync(join(root, 'out/e2e'), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  console.log(`screenshot: ${SCREENSHOT.slice(root.length)}`);
  check('no page errors', problems.join('\n'), '');
} catch (error) {
  results.push({ name: 'playground', ok: false });
  console.log(`FAIL ${error.stack ?? error}${problems.length ? `\n${problems.join('\n')}` : ''}`);
} finally {
  await browser.close();
  await server.close();
}

const failed = results.filter((r) => !r.ok).length;
console.log(`playground e2e took ${((performance.now() - started) / 1000).toFixed(1)} s (${browser.version})`);
console.log(`e2e: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
