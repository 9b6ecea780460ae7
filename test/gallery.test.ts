// The docs gallery (docs/gallery.md, docs/gallery/*.png) is generated from the definitions' `example` and
// `equivalents` fields by scripts/gallery.ts (npm run docs:gallery). These tests make every catalogued op and
// transform carry an example, keep the page current, and re-render a few pictures byte for byte.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { opDefinitions, transformDefinitions } from '../src/pipeline/catalogue.js';
import { GALLERY_SEED, galleryEntries, galleryMarkdown, galleryPictures, missingExamples } from '../scripts/gallery.js';

const root = new URL('../', import.meta.url);
const docs = new URL('docs/', root);
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, root)));

describe('every op and transform is in the gallery', () => {
  it('every catalogued definition has an example (the message says what to add where)', () => {
    const missing = missingExamples();
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('one entry per op and per transform, each transform example drawing at least one op', () => {
    const entries = galleryEntries();
    expect(entries.filter((e) => e.kind === 'op').map((e) => e.name)).toEqual([...opDefinitions().keys()]);
    expect(entries.filter((e) => e.kind === 'transform').map((e) => e.name)).toEqual([...transformDefinitions().keys()]);
    const idle = entries.filter((e) => e.applied.length === 0).map((e) => `${e.kind} ${e.name}: its example draws no op at seed ${GALLERY_SEED}; give it p: 1 or probabilities of 1`);
    expect(idle, idle.join('\n')).toEqual([]);
  });
});

describe('the committed gallery is current', () => {
  let drawn: ReturnType<typeof galleryPictures> | undefined;
  const pictures = () => (drawn ??= galleryPictures(read));

  it('docs/gallery.md is the page the definitions give (run npm run docs:gallery)', () => {
    expect(readFileSync(new URL('gallery.md', docs), 'utf8')).toBe(galleryMarkdown());
  });

  it('docs/gallery/ holds exactly the pictures the page shows, under 2 MB in all', () => {
    const committed = readdirSync(new URL('gallery/', docs)).map((name) => `gallery/${name}`).sort();
    expect(committed, 'run npm run docs:gallery').toEqual(pictures().map((p) => p.file).sort());
    const page = readFileSync(new URL('gallery.md', docs), 'utf8');
    for (const { file } of pictures()) expect(page, file).toContain(file);
    const bytes = committed.reduce((sum, file) => sum + statSync(new URL(file, docs)).size, 0);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('pictures re-render byte for byte (the photo, an op, a transform, the preview sheet)', () => {
    for (const file of ['gallery/original.png', 'gallery/op-rotate.png', 'gallery/step-randomResizedCrop.png', 'gallery/preview.png']) {
      const picture = pictures().find((p) => p.file === file)!;
      expect(Buffer.from(picture.render()).equals(readFileSync(new URL(file, docs))), `${file} is stale: run npm run docs:gallery`).toBe(true);
    }
  }, 60_000);
});
