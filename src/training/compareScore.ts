/**
 * One trained model's answers on the val set.
 *
 * @example
 * // predictions.json, written by compare next to compare.json: every trained model's answers
 * const { classes, runs } = JSON.parse(await readFile('cmp/predictions.json', 'utf8')) as { classes: string[]; runs: CompareRun[] };
 * const wrong = runs[0]!.predictions.filter((p) => p.label !== p.predicted).map((p) => `${p.path}: ${classes[p.predicted]}`);
 */
export interface CompareRun {
  readonly recipe: string;
  /** 0-based repeat: the model's initial weights and the training order depend on it, not on the recipe. */
  readonly repeat: number;
  /** Seconds spent training (not evaluating). */
  readonly seconds: number;
  /** Every train image the model saw (sorted, once each): the same set for every recipe. */
  readonly train: readonly string[];
  /** SHA-256 of the val batches' bytes as the model received them: the same for every recipe (val is never augmented). */
  readonly valInput: string;
  /** Per val image: its label and the model's answer (indices into the class list). */
  readonly predictions: readonly { readonly path: string; readonly label: number; readonly predicted: number }[];
}

/**
 * A recipe's score over its repeats.
 *
 * @example
 * const [baseline, flips]: readonly RecipeScore[] = (await compare({ input: 'digits', out: 'cmp', recipes: ['none', flipsRecipe] })).recipes;
 * console.log(`${flips!.name}: ${((flips!.accuracy.mean - baseline!.accuracy.mean) * 100).toFixed(1)} points`, flips!.perClass);
 */
export interface RecipeScore {
  readonly name: string;
  /** Val accuracy over the repeats. */
  readonly accuracy: { readonly mean: number; readonly min: number; readonly max: number };
  /** Per class: the mean over the repeats of the fraction of its val images classified right (null: no val image). */
  readonly perClass: Readonly<Record<string, number | null>>;
  /** Mean training seconds per repeat. */
  readonly seconds: number;
  /** Val accuracy of each repeat, in order. */
  readonly runs: readonly number[];
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Accuracy of one run: correct answers / val images, overall and per class (null where a class has none). */
export function runAccuracy(run: CompareRun, classes: readonly string[]): { overall: number; perClass: (number | null)[] } {
  const right = new Array<number>(classes.length).fill(0);
  const total = new Array<number>(classes.length).fill(0);
  for (const { label, predicted } of run.predictions) {
    total[label]!++;
    if (predicted === label) right[label]!++;
  }
  const all = total.reduce((a, b) => a + b, 0);
  return {
    overall: all === 0 ? 0 : right.reduce((a, b) => a + b, 0) / all,
    perClass: total.map((n, c) => (n === 0 ? null : right[c]! / n)),
  };
}

/**
 * Scores each recipe from its runs' saved predictions: accuracy mean/min/max over repeats, per-class mean
 * accuracy, mean training seconds. Recipes keep the order of their first run.
 *
 * @example
 * const scores = scoreRuns(runs, ['cat', 'dog']);
 * console.log(scores[0].accuracy.mean);
 */
export function scoreRuns(runs: readonly CompareRun[], classes: readonly string[]): RecipeScore[] {
  const names = [...new Set(runs.map((r) => r.recipe))];
  return names.map((name) => {
    const mine = runs.filter((r) => r.recipe === name).sort((a, b) => a.repeat - b.repeat);
    const scored = mine.map((r) => runAccuracy(r, classes));
    const overall = scored.map((s) => s.overall);
    const perClass = Object.fromEntries(
      classes.map((c, i) => {
        const values = scored.map((s) => s.perClass[i]!).filter((v): v is number => v !== null);
        return [c, values.length === 0 ? null : mean(values)];
      }),
    );
    return {
      name,
      accuracy: { mean: mean(overall), min: Math.min(...overall), max: Math.max(...overall) },
      perClass,
      seconds: mean(mine.map((r) => r.seconds)),
      runs: overall,
    };
  });
}
