// The ```js and ```ts code blocks of README.md and docs/*.md (docs/api/ is generated from the TSDoc comments
// and left out), and how one of them runs against the built package.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';

export interface CodeBlock {
  /** `README.md:12` — the file and the line of the opening fence. */
  where: string;
  lang: 'js' | 'ts';
  /** False when the info string says `no-run` (shell-free blocks that need a browser, a model or data the repository lacks). */
  runs: boolean;
  code: string;
}

const FENCE = /^```(?!`)(\S*)(.*)$/;

/** Every fenced block of one markdown text whose language is js/javascript/ts/typescript. */
export function codeBlocks(markdown: string, file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (end < 0) throw new Error(`${file}:${i + 1}: a code fence that is never closed`);
    const lang = { js: 'js', javascript: 'js', ts: 'ts', typescript: 'ts' }[open[1]] as CodeBlock['lang'] | undefined;
    if (lang) blocks.push({ where: `${file}:${i + 1}`, lang, runs: !/\bno-run\b/.test(open[2]), code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** The markdown files whose blocks must run: README.md and docs/**.md but docs/api/. */
export function documentationFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !f.startsWith('api'))
    .map((f) => join('docs', f));
  return ['README.md', ...docs.sort()];
}

export function allCodeBlocks(root: string): CodeBlock[] {
  return documentationFiles(root).flatMap((f) => codeBlocks(readFileSync(join(root, f), 'utf8'), relative(root, join(root, f))));
}

const ENTRY_POINTS: Record<string, string> = {
  augkit: 'dist/index.js',
  'augkit/node': 'dist/dataset/index.js',
  'augkit/tfjs': 'dist/training/index.js',
};

/** What a snippet may use without defining it: `bytes` (a JPEG of the sample set) and `img` (it, decoded). */
const SAMPLE = 'examples/sample/cat/cat_07.jpg';

/**
 * The setup a snippet relies on, as docs/README.md states it: `bytes` and `img` (unless the block declares
 * them), and every export of `augkit` the block calls without importing it (the snippets of one op's section).
 */
function prelude(js: string, exported: readonly string[]): string {
  const declared = (name: string) => new RegExp(`\\b(?:const|let|var|function|class)\\s+(?:\\{[^}]*)?\\b${name}\\b|import\\s*\\{[^}]*\\b${name}\\b`).test(js);
  const used = (name: string) => new RegExp(`(?<![.\\w'"])${name}\\b`).test(js) && !declared(name);
  const lines = [`import * as augkitExports from 'augkit';`];
  const implicit = exported.filter(used);
  if (used('bytes') || used('img')) lines.push(`import { readFileSync as readSample } from 'node:fs';`, `const bytes = readSample('${SAMPLE}');`);
  if (used('img')) implicit.push('decode'), lines.push(`const img = augkitExports.decode(bytes);`);
  if (implicit.length > 0) lines.splice(1, 0, `const { ${[...new Set(implicit)].join(', ')} } = augkitExports;`);
  return `${lines.join('\n')}\n`;
}

/** The block as an ES module: TypeScript stripped by esbuild, the prelude added, `augkit` imports pointed at dist/. */
export function runnableModule(block: CodeBlock, root: string, exported: readonly string[]): string {
  const code = block.lang === 'ts' ? transformSync(block.code, { loader: 'ts', format: 'esm' }).code : block.code;
  const js = prelude(code, exported) + code;
  return js.replace(/(from\s+|import\s*\(\s*)(['"])(augkit(?:\/node|\/tfjs)?)\2/g, (_all, lead: string, quote: string, name: string) =>
    `${lead}${quote}${pathToFileURL(join(root, ENTRY_POINTS[name])).href}${quote}`);
}
