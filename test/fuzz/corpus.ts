// The fuzzer's seed files: every file of the decoding corpus, valid and bad.
import { readFileSync } from 'node:fs';
import manifest from '../fixtures/corpus/manifest.json' with { type: 'json' };
import type { Sample, SampleFormat } from './mutate.js';

function formatOf(bytes: Uint8Array): SampleFormat {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  return 'other';
}

/** Every corpus file, read once. */
export function loadCorpus(): Sample[] {
  return manifest.files.map(({ file }) => {
    const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/corpus/${file}`, import.meta.url)));
    return { name: file, format: formatOf(bytes), bytes };
  });
}
