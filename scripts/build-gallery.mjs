// Writes docs/gallery.md and its pictures under docs/gallery/ from the op and transform definitions (see
// scripts/gallery.ts), removing pictures no entry uses any more. Run after `npm run build:wasm` (the
// definitions load the kernels): `npm run docs:gallery`.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { importSource } from './lib/importSource.mjs';

const root = new URL('../', import.meta.url);
const docs = new URL('docs/', root);
const { galleryMarkdown, galleryPictures } = await importSource('scripts/gallery.ts');

const pictures = galleryPictures((path) => readFileSync(new URL(path, root)));
mkdirSync(new URL('gallery/', docs), { recursive: true });
for (const picture of pictures) writeFileSync(new URL(picture.file, docs), picture.render());
const kept = new Set(pictures.map((p) => p.file));
for (const name of readdirSync(new URL('gallery/', docs))) {
  if (!kept.has(`gallery/${name}`)) rmSync(new URL(`gallery/${name}`, docs));
}
writeFileSync(new URL('gallery.md', docs), galleryMarkdown());
const bytes = pictures.reduce((sum, p) => sum + statSync(new URL(p.file, docs)).size, 0);
console.log(`wrote docs/gallery.md and ${pictures.length} pictures (${(bytes / 1024).toFixed(0)} KiB)`);
