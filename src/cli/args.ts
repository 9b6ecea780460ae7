/** A command line that cannot be run as given: exit code 2, with the message and a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * How a flag takes its value: `string` (the next argument or `--flag=value`), `boolean` (none), `list`
 * (repeatable, collected in order), `optional` (takes the next argument only if it is a number, as in `--balance [N]`).
 */
export type FlagKind = 'string' | 'boolean' | 'list' | 'optional';

export interface FlagSpec {
  readonly kind: FlagKind;
  readonly short?: string;
}

export interface ParsedArgs {
  readonly positionals: string[];
  /** Flag values by long name: string, true (boolean or optional without value) or string[] (list). */
  readonly flags: Map<string, string | true | string[]>;
}

/**
 * Parses `argv` against the flags a command accepts. Unknown flags, a flag given twice (other than a
 * list), and a missing value are usage errors.
 */
export function parseArgs(argv: readonly string[], specs: Readonly<Record<string, FlagSpec>>): ParsedArgs {
  const byShort = new Map(Object.entries(specs).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  const positionals: string[] = [];
  const flags = new Map<string, string | true | string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const raw = eq === -1 ? arg : arg.slice(0, eq);
    const name = raw.startsWith('--') ? raw.slice(2) : byShort.get(raw.slice(1));
    const spec = name === undefined ? undefined : specs[name];
    if (name === undefined || spec === undefined) throw new UsageError(`unknown option ${raw}`);
    let value: string | true;
    if (eq !== -1) {
      if (spec.kind === 'boolean') throw new UsageError(`${raw} takes no value`);
      value = arg.slice(eq + 1);
    } else if (spec.kind === 'boolean') {
      value = true;
    } else if (spec.kind === 'optional') {
      const next = argv[i + 1];
      value = next !== undefined && /^\d+$/.test(next) ? (i++, next) : true;
    } else {
      const next = argv[i + 1];
      // a negative number is a value (for the range check to refuse), not a flag
      if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next))) throw new UsageError(`${raw} needs a value`);
      value = next;
      i++;
    }
    if (spec.kind === 'list') {
      const list = (flags.get(name) as string[] | undefined) ?? [];
      list.push(value as string);
      flags.set(name, list);
    } else {
      if (flags.has(name)) throw new UsageError(`${raw} given twice`);
      flags.set(name, value);
    }
  }
  return { positionals, flags };
}

/**
 * An integer flag value within [min, max]; the message names the range (and, for the default max, that it is
 * the largest integer a double holds exactly: 2^53 − 1).
 */
export function intFlag(value: string, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `from ${min} to ${max} (2^53 − 1)` : `${min}..${max}`;
    throw new UsageError(`${flag} expects an integer ${range}, not "${value}"`);
  }
  return Number(value);
}

/** `400x400` (or `400×400`) → { width, height }. */
export function sizeFlag(value: string, flag: string): { width: number; height: number } {
  const match = /^(\d+)[x×X](\d+)$/.exec(value);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1 || Number(match[1]) > 65535 || Number(match[2]) > 65535) {
    throw new UsageError(`${flag} expects WIDTHxHEIGHT like 400x400, not "${value}"`);
  }
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** `K/N` with 0 ≤ K < N. */
export function shardFlag(value: string, flag: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[1]) >= Number(match[2])) {
    throw new UsageError(`${flag} expects K/N with 0 ≤ K < N (0-based), like 0/2, not "${value}"`);
  }
  return { index: Number(match[1]), count: Number(match[2]) };
}
