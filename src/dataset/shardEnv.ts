import { AugkitError } from '../errors.js';

/**
 * Shard `index` (0-based) of `count`, and which batch engine's variables said so.
 *
 * @example
 * const { index, count, engine }: EngineShard = shardFromEnvironment(process.env); // e.g. a Slurm job array task
 * console.log(`shard ${index} of ${count} (${engine})`);
 * await augmentFromPlan({ plan: 'plan.json', out: 'augmented', shard: { index, count } });
 */
export interface EngineShard {
  readonly index: number;
  readonly count: number;
  readonly engine: 'kubernetes' | 'slurm' | 'aws-batch' | 'cloud-run';
}

type Env = Readonly<Record<string, string | undefined>>;

/** The variable each engine sets for every task of an array job; its presence says which engine runs us. */
const MARKERS = {
  kubernetes: 'JOB_COMPLETION_INDEX',
  slurm: 'SLURM_ARRAY_TASK_ID',
  'aws-batch': 'AWS_BATCH_JOB_ARRAY_INDEX',
  'cloud-run': 'CLOUD_RUN_TASK_INDEX',
} as const;

function usage(message: string): AugkitError {
  return new AugkitError('INVALID_ARGUMENT', message);
}

/** A variable that must hold a non-negative decimal integer; undefined when unset. */
function intVar(env: Env, name: string): number | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value.trim())) throw usage(`Expected a non-negative integer in ${name} but received "${value}"`);
  return Number(value.trim());
}

function required(env: Env, name: string, why: string): number {
  const value = intVar(env, name);
  if (value === undefined) throw usage(`Expected ${name} to be set ${why} but it is not`);
  return value;
}

/** `given` (from `--shards`) when the engine does not tell the count, else the engine's count, checked against `given`. */
function countFrom(engineCount: number | undefined, engineName: string, given: number | undefined, marker: string): number {
  if (engineCount === undefined) {
    if (given === undefined) throw usage(`Expected --shards N with ${marker} (the engine does not tell the number of shards) but it is missing`);
    return given;
  }
  if (given !== undefined && given !== engineCount) {
    throw usage(`Expected --shards ${given} to match ${engineName}=${engineCount} but they differ`);
  }
  return engineCount;
}

/**
 * Slurm: with `--shards N`, K = ID (so `sbatch --array=3,5` re-runs exactly shards 3 and 5); else K = ID − MIN and
 * N = MAX − MIN + 1, or K = ID and N = COUNT, and when both are set they must agree.
 */
function slurm(env: Env, given: number | undefined): { index: number; count: number } {
  const id = required(env, 'SLURM_ARRAY_TASK_ID', 'in a Slurm job array');
  if (given !== undefined) return { index: id, count: given };
  const step = intVar(env, 'SLURM_ARRAY_TASK_STEP');
  if (step !== undefined && step !== 1) {
    throw usage(`Expected a Slurm array without a step (--array=0-N) but SLURM_ARRAY_TASK_STEP is ${step}`);
  }
  const min = intVar(env, 'SLURM_ARRAY_TASK_MIN');
  const max = intVar(env, 'SLURM_ARRAY_TASK_MAX');
  const total = intVar(env, 'SLURM_ARRAY_TASK_COUNT');
  if ((min === undefined) !== (max === undefined)) {
    throw usage(`Expected SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_MAX together but only ${min === undefined ? 'SLURM_ARRAY_TASK_MAX' : 'SLURM_ARRAY_TASK_MIN'} is set`);
  }
  if (min !== undefined && max !== undefined) {
    if (max < min) throw usage(`Expected SLURM_ARRAY_TASK_MAX ≥ SLURM_ARRAY_TASK_MIN but received ${max} < ${min}`);
    if (id < min || id > max) throw usage(`Expected SLURM_ARRAY_TASK_ID within SLURM_ARRAY_TASK_MIN..MAX (${min}..${max}) but received ${id}`);
    const count = max - min + 1;
    if (total !== undefined && total !== count) {
      throw usage(
        `Expected SLURM_ARRAY_TASK_COUNT (${total}) = SLURM_ARRAY_TASK_MAX − SLURM_ARRAY_TASK_MIN + 1 (${count}) but they differ: ` +
          'an array with gaps (--array=0,3,7) cannot be a set of shards',
      );
    }
    return { index: id - min, count: countFrom(count, 'SLURM_ARRAY_TASK_MAX − SLURM_ARRAY_TASK_MIN + 1', given, 'SLURM_ARRAY_TASK_ID') };
  }
  return { index: id, count: countFrom(total, 'SLURM_ARRAY_TASK_COUNT', given, 'SLURM_ARRAY_TASK_ID') };
}

/**
 * `--shard auto`: the shard of this process from the batch engine's environment.
 * - Kubernetes Indexed Job: K = `JOB_COMPLETION_INDEX`; N = `shards`, or `JOB_COMPLETIONS` (Kubernetes does not
 *   set it: put it in the pod template with the job's `completions`).
 * - Slurm job array: K = `SLURM_ARRAY_TASK_ID` − `SLURM_ARRAY_TASK_MIN`, N = `SLURM_ARRAY_TASK_MAX` − `_MIN` + 1
 *   (or K = the ID, N = `SLURM_ARRAY_TASK_COUNT`); arrays with a step or gaps are refused. With `shards`, K is the
 *   ID itself and N is `shards`: any subset of the indices (`--array=3,5`) can be re-run.
 * - AWS Batch array job: K = `AWS_BATCH_JOB_ARRAY_INDEX`, N = `shards` (the job's array size).
 * - Google Cloud Run job: K = `CLOUD_RUN_TASK_INDEX`, N = `CLOUD_RUN_TASK_COUNT`.
 * `shards`, when given, must agree with a count the engine sets (Kubernetes, Cloud Run).
 *
 * @param shards - N from `--shards`, when given
 * @throws {AugkitError} INVALID_ARGUMENT naming the variable: none of the engines' variables set, several engines'
 *   set, a value that is not an integer, a missing count, counts that disagree, K ≥ N.
 * @example
 * shardFromEnvironment({ CLOUD_RUN_TASK_INDEX: '3', CLOUD_RUN_TASK_COUNT: '8' }); // { index: 3, count: 8, engine: 'cloud-run' }
 */
export function shardFromEnvironment(env: Env, shards?: number): EngineShard {
  const present = (Object.keys(MARKERS) as EngineShard['engine'][]).filter((engine) => env[MARKERS[engine]] !== undefined);
  if (present.length === 0) {
    throw usage(`Expected one of ${Object.values(MARKERS).join(', ')} to be set for --shard auto but none is (not in a batch engine's array job?)`);
  }
  if (present.length > 1) {
    throw usage(`Expected the variables of one batch engine for --shard auto but ${present.map((e) => MARKERS[e]).join(' and ')} are both set`);
  }
  const engine = present[0]!;
  let shard: { index: number; count: number };
  switch (engine) {
    case 'kubernetes':
      shard = {
        index: required(env, 'JOB_COMPLETION_INDEX', 'in a Kubernetes Indexed Job'),
        count: countFrom(intVar(env, 'JOB_COMPLETIONS'), 'JOB_COMPLETIONS', shards, 'JOB_COMPLETION_INDEX'),
      };
      break;
    case 'slurm':
      shard = slurm(env, shards);
      break;
    case 'aws-batch':
      shard = { index: required(env, 'AWS_BATCH_JOB_ARRAY_INDEX', 'in an AWS Batch array job'), count: countFrom(undefined, '', shards, 'AWS_BATCH_JOB_ARRAY_INDEX') };
      break;
    case 'cloud-run':
      shard = {
        index: required(env, 'CLOUD_RUN_TASK_INDEX', 'in a Cloud Run job'),
        count: countFrom(required(env, 'CLOUD_RUN_TASK_COUNT', 'with CLOUD_RUN_TASK_INDEX'), 'CLOUD_RUN_TASK_COUNT', shards, 'CLOUD_RUN_TASK_INDEX'),
      };
      break;
  }
  if (shard.count < 1) throw usage(`Expected at least one shard but the count is ${shard.count}`);
  if (shard.index >= shard.count) {
    throw usage(`Expected ${MARKERS[engine]} below the number of shards (${shard.count}) but received ${env[MARKERS[engine]]}`);
  }
  return { ...shard, engine };
}
