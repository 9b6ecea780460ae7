// Drives the decode fuzzer: generates the case of each seed, runs it in the pool, and tallies what happened.
import type { DecodeOptions } from '../../src/index.js';
import { boundaries, makeCase, type FuzzCase, type Sample } from './mutate.js';
import type { DecodePool } from './pool.js';
import { pngImageDataEnd } from '../helpers/formats.js';
import { checkDecode, FUZZ_PIXEL_LIMIT, label, type DecodeReport } from './verdict.js';

/**
 * A single case may take this long (the issue's time box), plus 2 ms per kilobyte of input: jpeg-js decodes
 * about 1.5 MB of JPEG a second, so a 3 MB input is slow but not a hang; what the box catches is work out of
 * proportion to the input. A case still running after HANG_MS is cut off.
 */
export const TIME_BOX_MS = 2000;
const TIME_BOX_MS_PER_KB = 2;
const HANG_MS = 20_000;

/** The time box of an input of `bytes` bytes. */
export function timeBox(bytes: number): number {
  return TIME_BOX_MS + (bytes / 1024) * TIME_BOX_MS_PER_KB;
}

export interface Failure {
  readonly fuzzCase: FuzzCase;
  readonly options: DecodeOptions;
  readonly problems: readonly string[];
}

export interface Stats {
  cases: number;
  /** How many cases ended in each outcome (`image`, an error code, …). */
  readonly outcomes: Record<string, number>;
  readonly failures: Failure[];
  slowestMs: number;
  slowest: string;
}

export function emptyStats(): Stats {
  return { cases: 0, outcomes: {}, failures: [], slowestMs: 0, slowest: '' };
}

/** The decode options of a seed: mostly the defaults, sometimes orientation ignored, a quarter in libjpeg mode. */
function optionsFor(seed: number): DecodeOptions {
  return {
    ...(seed % 5 === 0 && { orientation: 'ignore' as const }),
    ...(seed % 4 === 1 && { jpeg: 'libjpeg' as const }),
    pixelLimit: FUZZ_PIXEL_LIMIT,
  };
}

/** Runs one case and records it; `expect` adds a rule of its own (e.g. "a truncation never decodes"). */
export async function runCase(
  pool: DecodePool,
  stats: Stats,
  fuzzCase: FuzzCase,
  options: DecodeOptions = optionsFor(fuzzCase.seed),
  expect?: (report: DecodeReport) => string | undefined,
): Promise<DecodeReport> {
  const report = await pool.run(fuzzCase.bytes, options, HANG_MS);
  const problems = [...report.problems];
  const box = timeBox(fuzzCase.bytes.length);
  if (report.ms > box) problems.push(`took ${report.ms.toFixed(0)} ms, over the ${box.toFixed(0)} ms time box of ${fuzzCase.bytes.length} bytes`);
  const extra = expect?.(report);
  if (extra) problems.push(extra);
  stats.cases++;
  const key = label(report.outcome);
  stats.outcomes[key] = (stats.outcomes[key] ?? 0) + 1;
  if (report.ms > stats.slowestMs) {
    stats.slowestMs = report.ms;
    stats.slowest = describeCase(fuzzCase);
  }
  if (problems.length > 0) stats.failures.push({ fuzzCase, options, problems });
  return report;
}

/** `seed N: source — step, step` */
export function describeCase({ seed, source, steps }: FuzzCase): string {
  return `seed ${seed}: ${source}${steps.length ? ` — ${steps.join(', ')}` : ''}`;
}

/** Seeded mutation cases for seeds `first` … `first + count − 1`. */
export async function fuzzSeeds(pool: DecodePool, corpus: readonly Sample[], first: number, count: number, stats = emptyStats()): Promise<Stats> {
  for (let seed = first; seed < first + count; seed++) await runCase(pool, stats, makeCase(seed, corpus));
  return stats;
}

/**
 * Every valid corpus file cut at every chunk or marker boundary, and one byte either side: each must fail with
 * CORRUPT_IMAGE or UNSUPPORTED_FORMAT, never decode to an image missing its end; a PNG cut after its image
 * data (IEND and what follows missing) decodes to the whole image.
 */
export async function fuzzTruncations(pool: DecodePool, corpus: readonly Sample[], stats = emptyStats()): Promise<Stats> {
  for (const sample of corpus.filter((s) => s.format !== 'other' && !s.name.startsWith('bad/'))) {
    const cuts = new Set<number>();
    for (const b of boundaries(sample.bytes, sample.format)) for (const d of [-1, 0, 1]) if (b + d >= 0 && b + d < sample.bytes.length) cuts.add(b + d);
    // a PNG cut after its last IDAT (IEND missing) still holds the whole image: it must decode to it
    const whole = sample.format === 'png' ? pngImageDataEnd(sample.bytes) : sample.bytes.length;
    const full = checkDecode(sample.bytes, { pixelLimit: FUZZ_PIXEL_LIMIT }).outcome;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      const fuzzCase = { seed: -1, source: sample.name, steps: [`truncate at ${cut} of ${sample.bytes.length}`], bytes: sample.bytes.slice(0, cut) };
      if (cut >= whole) {
        await runCase(pool, stats, fuzzCase, { pixelLimit: FUZZ_PIXEL_LIMIT }, ({ outcome }) =>
          outcome.kind === 'image' && full.kind === 'image' && outcome.hash === full.hash
            ? undefined
            : `a PNG cut after its image data gave ${label(outcome)}, not the whole image`,
        );
        continue;
      }
      await runCase(pool, stats, fuzzCase, { pixelLimit: FUZZ_PIXEL_LIMIT }, ({ outcome }) =>
        outcome.kind === 'error' && (outcome.code === 'CORRUPT_IMAGE' || outcome.code === 'UNSUPPORTED_FORMAT')
          ? undefined
          : `a truncated file gave ${label(outcome)}, not CORRUPT_IMAGE or UNSUPPORTED_FORMAT`,
      );
    }
  }
  return stats;
}

/** One line per outcome, most frequent first. */
export function formatOutcomes(stats: Stats): string {
  return Object.entries(stats.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `${key} ${n}`)
    .join(', ');
}
