// `npm run bench [-- [filter ...] [--time=ms] [--rounds=n] [--update-docs]]`
//
// Runs the benchmark groups whose id contains one of the filters (all by default), prints markdown
// tables (goals with ratios, package size, every group with what each timed call includes), and
// writes bench/results/latest.json and bench/results/latest.md. With --update-docs it also puts the
// tables into docs/performance.md between the `bench:start` and `bench:end` markers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { kernelBuild } from '../src/index.js';
import { cliTable, runCliBench, type CliResult } from './cli.bench.js';
import { msPerMpGroups, msPerMpTable } from './codecMsPerMp.js';
import { codecGroups, libraryCodecGroups } from './codecs.bench.js';
import { goals, goalTable } from './goals.js';
import { jpegDecodeGroups } from './jpegDecode.bench.js';
import { jpegEncodeGroups } from './jpegEncode.bench.js';
import { environment } from './lib/environment.js';
import { groupTable, runGroup, type GroupResult } from './lib/harness.js';
import { loadPeers } from './lib/peers.js';
import { ROOT } from './lib/root.js';
import { colourGroups } from './colour.bench.js';
import { opGroups } from './ops.bench.js';
import { pngGroups } from './png.bench.js';
import { policyGroups } from './policies.bench.js';
import { runScaleOutBench, scaleOutTable } from './scaleOut.bench.js';
import { sizes, sizeTable } from './size.js';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const filters = args.filter((a) => !a.startsWith('--')).map((f) => f.toLowerCase());
const time = Number(option('time') ?? 300);
const rounds = Number(option('rounds') ?? 2);
const selected = (id: string) => filters.length === 0 || filters.some((f) => id.toLowerCase().includes(f));
const skipped: string[] = [];
const log = (message: string) => {
  console.error(message);
  if (message.includes('skipped')) skipped.push(message);
};

const before = environment();
const peers = await loadPeers();
for (const [name, reason] of Object.entries(peers.missing)) log(`peer ${name} not loaded: ${reason}`);

const groups = [
  ...opGroups(peers), ...colourGroups(peers), ...policyGroups(peers), ...codecGroups(log), ...libraryCodecGroups(),
  ...(await jpegDecodeGroups(peers, log)), ...jpegEncodeGroups(peers), ...(await pngGroups(peers)), ...(await msPerMpGroups(peers)),
].filter((g) => selected(g.id));
const results: GroupResult[] = [];
for (const group of groups) {
  log(`${group.id} …`);
  results.push(await runGroup(group, { time, rounds }));
}
const cli: CliResult[] = selected('cli') ? await runCliBench(log) : [];
// --scale-images=N: plan over N images rather than 20 000; --scale-simulate=M: the engine simulation with M
const scaleImages = Number(option('scale-images') ?? 20_000);
const scaleOut = selected('scale-out') ? await runScaleOutBench(log, scaleImages, Number(option('scale-simulate') ?? scaleImages)) : undefined;
const after = environment();

const goalList = goals(results);
const sizeRows = sizes(ROOT);
const versions = { augkit: packageVersion(), ...peers.versions };

const markdown = [
  `Measured ${before.date.slice(0, 10)} on ${before.cpu} (${before.cores} cores, ${before.memoryGiB} GiB; a machine`,
  `shared with other work, load average ${before.loadAverage[0]} before and ${after.loadAverage[0]} after), ${before.os},`,
  `Node ${before.node} (V8 ${before.v8}), augkit's ${kernelBuild()} kernels. Peers: ${Object.entries(versions)
    .filter(([name]) => name !== 'augkit')
    .map(([name, version]) => `${name} ${version}`)
    .join(', ')}. sharp runs with \`concurrency(1)\` and no cache.`,
  '',
  `Every cell is the median time of one call (tinybench, ≥ ${time} ms per task, best of ${rounds} rounds); ratios`,
  'divide medians from the same run, on the same 1920×1080 or 640×480 photo. "Public call" is augkit\'s API end to',
  'end (validation, copies in and out, a new output array); "kernel alone" is the WebAssembly function on pixels',
  'already in linear memory, compared with the peer\'s function alone where it has one.',
  '',
  '#### Goals',
  '',
  goalTable(goalList),
  '',
  '#### Size',
  '',
  sizeTable(sizeRows),
  '',
  ...results.filter((r) => !r.id.startsWith('ms/MP')).flatMap((r) => [groupTable(r), '']),
  ...(results.some((r) => r.id.startsWith('ms/MP'))
    ? ['#### Codecs per megapixel, before (pngjs, pako, jpeg-js) and after (augkit today)', '', msPerMpTable(results), '']
    : []),
  ...(cli.length ? ['#### Dataset CLI vs OpenCV-python, 200 JPEGs 1024×768 → original + 4 variants, 400×400 PNG level 1', '', cliTable(cli), ''] : []),
  ...(scaleOut ? ['#### Past one machine: plan, shards, merge (docs/scale-out.md)', '', scaleOutTable(scaleOut), ''] : []),
  ...(skipped.length ? ['Not measured in this run:', '', ...skipped.map((m) => `- ${m}`), ''] : []),
].join('\n');

console.log(markdown);
const resultsDir = new URL('bench/results/', ROOT);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(new URL('latest.md', resultsDir), markdown);
writeFileSync(
  new URL('latest.json', resultsDir),
  `${JSON.stringify({ environment: { before, after }, kernelBuild: kernelBuild(), versions, options: { time, rounds, filters }, goals: goalList, sizes: sizeRows, groups: results, cli, scaleOut }, null, 2)}\n`,
);
log('wrote bench/results/latest.md and bench/results/latest.json');

if (args.includes('--update-docs')) {
  const docs = new URL('docs/performance.md', ROOT);
  const text = readFileSync(docs, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error('docs/performance.md lacks the bench:start / bench:end markers');
  writeFileSync(docs, `${text.slice(0, from + start.length)}\n\n${markdown}\n${text.slice(to)}`);
  log('updated docs/performance.md');
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string }).version;
}
