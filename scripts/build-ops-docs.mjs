// Writes docs/ops-table.md from the op and transform definitions (see scripts/opsTable.ts). Run after
// `npm run build:wasm` (the definitions load the kernels): `npm run docs:ops`.
import { writeFileSync } from 'node:fs';
import { importSource } from './lib/importSource.mjs';

const { opsTableMarkdown } = await importSource('scripts/opsTable.ts');
writeFileSync(new URL('../docs/ops-table.md', import.meta.url), opsTableMarkdown());
console.log('wrote docs/ops-table.md');
