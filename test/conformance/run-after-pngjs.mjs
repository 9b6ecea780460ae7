// run.mjs in a program that loaded pngjs's browser bundle before augkit: in Deno the bundle is then evaluated
// without a working `__proto__`, and augkit must still decode and encode PNGs (see src/codecs/pngjs.ts).
import 'pngjs/browser.js';
import './run.mjs';
