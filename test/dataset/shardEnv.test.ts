import { describe, expect, it } from 'vitest';
import { shardFromEnvironment } from '../../src/dataset/shardEnv.js';
import { AugkitError } from '../../src/errors.js';

/** The error `shardFromEnvironment` throws for `env`: INVALID_ARGUMENT, with its message. */
function refused(env: Record<string, string>, shards?: number): string {
  try {
    shardFromEnvironment(env, shards);
  } catch (e) {
    expect(e).toBeInstanceOf(AugkitError);
    expect((e as AugkitError).code).toBe('INVALID_ARGUMENT');
    return (e as AugkitError).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('--shard auto: every engine form gives K and N', () => {
  // each engine, at every index of a 3-shard array: K runs over 0..N-1 exactly once
  const forms: Record<string, { env: (k: number) => Record<string, string>; shards?: number; engine: string }> = {
    'Kubernetes Indexed Job, N from --shards': { env: (k) => ({ JOB_COMPLETION_INDEX: String(k) }), shards: 3, engine: 'kubernetes' },
    'Kubernetes Indexed Job, N from JOB_COMPLETIONS': { env: (k) => ({ JOB_COMPLETION_INDEX: String(k), JOB_COMPLETIONS: '3' }), engine: 'kubernetes' },
    'Slurm array --array=1-3 (MIN/MAX)': {
      env: (k) => ({ SLURM_ARRAY_TASK_ID: String(k + 1), SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '3' }),
      engine: 'slurm',
    },
    'Slurm array, MIN/MAX and COUNT agreeing': {
      env: (k) => ({ SLURM_ARRAY_TASK_ID: String(k), SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '2', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_STEP: '1' }),
      engine: 'slurm',
    },
    'Slurm array, COUNT only': { env: (k) => ({ SLURM_ARRAY_TASK_ID: String(k), SLURM_ARRAY_TASK_COUNT: '3' }), engine: 'slurm' },
    // a re-run of some shards (sbatch --array=0,2 … then --array=1): the ID is K, --shards is N
    'Slurm array with --shards: the ID is K, whatever the array': {
      env: (k) => ({ SLURM_ARRAY_TASK_ID: String(k), SLURM_ARRAY_TASK_MIN: String(k === 1 ? 1 : 0), SLURM_ARRAY_TASK_MAX: String(k === 1 ? 1 : 2), SLURM_ARRAY_TASK_COUNT: String(k === 1 ? 1 : 2) }),
      shards: 3,
      engine: 'slurm',
    },
    'AWS Batch array job, N from --shards': { env: (k) => ({ AWS_BATCH_JOB_ARRAY_INDEX: String(k) }), shards: 3, engine: 'aws-batch' },
    'Cloud Run job': { env: (k) => ({ CLOUD_RUN_TASK_INDEX: String(k), CLOUD_RUN_TASK_COUNT: '3' }), engine: 'cloud-run' },
    'Cloud Run job, --shards agreeing': { env: (k) => ({ CLOUD_RUN_TASK_INDEX: String(k), CLOUD_RUN_TASK_COUNT: '3' }), shards: 3, engine: 'cloud-run' },
  };
  for (const [name, form] of Object.entries(forms)) {
    it(name, () => {
      const shards = [0, 1, 2].map((k) => shardFromEnvironment(form.env(k), form.shards));
      expect(shards).toEqual([0, 1, 2].map((index) => ({ index, count: 3, engine: form.engine })));
    });
  }

  it('ignores the variables of no engine (PATH, HOME …)', () => {
    expect(shardFromEnvironment({ PATH: '/bin', CLOUD_RUN_TASK_INDEX: '0', CLOUD_RUN_TASK_COUNT: '1' })).toEqual({ index: 0, count: 1, engine: 'cloud-run' });
  });
});

describe('--shard auto: a missing or inconsistent variable is refused, naming it', () => {
  it('no engine variable at all', () => {
    expect(refused({ PATH: '/bin' })).toMatch(/JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID, AWS_BATCH_JOB_ARRAY_INDEX, CLOUD_RUN_TASK_INDEX/);
  });

  it('two engines at once', () => {
    expect(refused({ JOB_COMPLETION_INDEX: '0', SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '2' }, 2)).toMatch(/JOB_COMPLETION_INDEX and SLURM_ARRAY_TASK_ID/);
  });

  it('a count the engine does not set and --shards does not give', () => {
    expect(refused({ JOB_COMPLETION_INDEX: '0' })).toMatch(/--shards N with JOB_COMPLETION_INDEX/);
    expect(refused({ AWS_BATCH_JOB_ARRAY_INDEX: '0' })).toMatch(/--shards N with AWS_BATCH_JOB_ARRAY_INDEX/);
    expect(refused({ SLURM_ARRAY_TASK_ID: '0' })).toMatch(/--shards N with SLURM_ARRAY_TASK_ID/);
    expect(refused({ CLOUD_RUN_TASK_INDEX: '0' })).toMatch(/CLOUD_RUN_TASK_COUNT to be set/);
  });

  it('an index ≥ the count', () => {
    expect(refused({ CLOUD_RUN_TASK_INDEX: '3', CLOUD_RUN_TASK_COUNT: '3' })).toMatch(/CLOUD_RUN_TASK_INDEX below the number of shards \(3\) but received 3/);
    expect(refused({ JOB_COMPLETION_INDEX: '8' }, 8)).toMatch(/JOB_COMPLETION_INDEX below the number of shards \(8\)/);
    expect(refused({ AWS_BATCH_JOB_ARRAY_INDEX: '4' }, 2)).toMatch(/AWS_BATCH_JOB_ARRAY_INDEX below/);
    expect(refused({ SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '2' })).toMatch(/SLURM_ARRAY_TASK_ID below/);
    expect(refused({ SLURM_ARRAY_TASK_ID: '8', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '8' }, 8)).toMatch(/SLURM_ARRAY_TASK_ID below the number of shards \(8\) but received 8/);
    expect(refused({ SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '4' })).toMatch(/within SLURM_ARRAY_TASK_MIN..MAX \(1..4\) but received 5/);
    expect(refused({ CLOUD_RUN_TASK_INDEX: '0', CLOUD_RUN_TASK_COUNT: '0' })).toMatch(/at least one shard/);
  });

  it('counts that disagree', () => {
    expect(refused({ CLOUD_RUN_TASK_INDEX: '0', CLOUD_RUN_TASK_COUNT: '4' }, 3)).toMatch(/--shards 3 to match CLOUD_RUN_TASK_COUNT=4/);
    expect(refused({ JOB_COMPLETION_INDEX: '0', JOB_COMPLETIONS: '4' }, 3)).toMatch(/--shards 3 to match JOB_COMPLETIONS=4/);
    expect(refused({ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '7', SLURM_ARRAY_TASK_COUNT: '3' })).toMatch(
      /SLURM_ARRAY_TASK_COUNT \(3\) = SLURM_ARRAY_TASK_MAX − SLURM_ARRAY_TASK_MIN \+ 1 \(8\)/,
    );
  });

  it('Slurm: MIN without MAX, MAX below MIN, an array with a step', () => {
    expect(refused({ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '0' })).toMatch(/only SLURM_ARRAY_TASK_MIN is set/);
    expect(refused({ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MAX: '3' })).toMatch(/only SLURM_ARRAY_TASK_MAX is set/);
    expect(refused({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '3', SLURM_ARRAY_TASK_MAX: '1' })).toMatch(/MAX ≥ SLURM_ARRAY_TASK_MIN but received 1 < 3/);
    expect(refused({ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_STEP: '2' })).toMatch(/SLURM_ARRAY_TASK_STEP is 2/);
  });

  it('a value that is not a non-negative integer', () => {
    for (const value of ['', 'x', '-1', '1.5', '0x3', '1e3']) {
      expect(refused({ CLOUD_RUN_TASK_INDEX: value, CLOUD_RUN_TASK_COUNT: '3' })).toMatch(`non-negative integer in CLOUD_RUN_TASK_INDEX but received "${value}"`);
    }
    expect(refused({ JOB_COMPLETION_INDEX: '1', JOB_COMPLETIONS: 'eight' })).toMatch(/JOB_COMPLETIONS but received "eight"/);
  });
});
