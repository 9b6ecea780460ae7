// The fuzzer's decode worker: runs checkDecode on each input it is sent. It runs in its own thread so that a
// hang can be cut off (the pool terminates it) and a crash is reported instead of taking the run down.
import { parentPort } from 'node:worker_threads';
import type { DecodeOptions } from '../../src/index.js';
import { checkDecode } from './verdict.js';

parentPort!.on('message', ({ id, bytes, options }: { id: number; bytes: Uint8Array; options: DecodeOptions }) => {
  parentPort!.postMessage({ id, report: checkDecode(bytes, options) });
});
