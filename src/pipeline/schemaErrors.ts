import { AugkitError, describe } from '../errors.js';
import {
  recipeSchema,
  validateApplied as generatedValidateApplied,
  validateRecipe as generatedValidateRecipe,
  validateStep as generatedValidateStep,
} from './recipeValidator.generated.js';

/** One failed check, as Ajv reports it. */
interface SchemaError {
  instancePath: string;
  keyword: string;
  params: { missingProperty?: string; additionalProperty?: string };
}

/** A validator that Ajv generated from schema/recipe.schema.json at build time. */
interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

type Schema = { [keyword: string]: unknown };

const root = recipeSchema as Schema;

/** The validators, by what they check; each names the sub-schema it starts from. */
const validators = {
  recipe: { validate: generatedValidateRecipe as GeneratedValidator, schema: root },
  step: { validate: generatedValidateStep as GeneratedValidator, schema: definition('step') },
  applied: { validate: generatedValidateApplied as GeneratedValidator, schema: definition('applied') },
};

function definition(name: string): Schema {
  return (root.definitions as Record<string, Schema>)[name]!;
}

function resolveRef(schema: Schema | undefined): Schema | undefined {
  const ref = schema?.$ref;
  return typeof ref === 'string' ? definition(ref.slice('#/definitions/'.length)) : schema;
}

/** The `then` schema of the `allOf: [{ if: { properties: { op: … } }, then }]` branch that `data.op` selects. */
function branchFor(schema: Schema, data: unknown): Schema | undefined {
  const op = (data as { op?: unknown } | null)?.op;
  for (const branch of (schema.allOf as Schema[] | undefined) ?? []) {
    const test = ((branch.if as Schema).properties as Record<string, Schema>).op!;
    if (test.const === op || (Array.isArray(test.enum) && test.enum.includes(op))) return resolveRef(branch.then as Schema);
  }
  return undefined;
}

/** The sub-schema that applies to the value at `segments` inside `data`, or undefined when none does. */
function schemaAt(start: Schema, data: unknown, segments: readonly string[]): Schema | undefined {
  let schema = resolveRef(start);
  let value = data;
  for (const segment of segments) {
    if (schema === undefined) return undefined;
    if (Array.isArray(value)) {
      schema = resolveRef(schema.items as Schema | undefined);
      value = value[Number(segment)];
    } else {
      const properties = (branchFor(schema, value)?.properties ?? schema.properties) as Record<string, Schema> | undefined;
      schema = resolveRef(properties?.[segment]);
      value = (value as Record<string, unknown>)[segment];
    }
  }
  return schema;
}

/** What a valid value looks like, from the schema's "x-expected" phrase. */
function expected(schema: Schema | undefined): string {
  return typeof schema?.['x-expected'] === 'string' ? schema['x-expected'] : 'a valid value';
}

/** `/steps/2/degrees` under `prefix` → `steps[2].degrees` (or `options.degrees`, `applied[0].seed` …). */
export function fieldName(prefix: string, segments: readonly string[]): string {
  let name = prefix;
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) name += `[${segment}]`;
    else name += name === '' ? segment : `.${segment}`;
  }
  return name === '' ? 'recipe' : name;
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let value = data;
  for (const segment of segments) value = (value as Record<string, unknown>)[segment];
  return value;
}

/**
 * Turns the first failed check into an AugkitError INVALID_ARGUMENT that names the field, says what it
 * should be and what it is. Ajv lists the failures of `anyOf` branches before the `anyOf` itself and
 * adds an `if` entry for every enclosing step, so the last entry that is not an `if` is the one to report.
 */
function toError(errors: readonly SchemaError[], start: Schema, data: unknown, prefix: string): AugkitError {
  const error = errors.filter((e) => e.keyword !== 'if').at(-1) ?? errors[0]!;
  const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(unescapePointer);
  const schema = schemaAt(start, data, segments);
  if (error.keyword === 'required') {
    const missing = error.params.missingProperty!;
    const field = fieldName(prefix, [...segments, missing]);
    return new AugkitError('INVALID_ARGUMENT', `Expected ${expected(schemaAt(start, data, [...segments, missing]))} for ${field} but it is missing`);
  }
  if (error.keyword === 'additionalProperties') {
    const extra = error.params.additionalProperty!;
    const owner = branchFor(schema ?? {}, valueAt(data, segments)) ?? schema;
    const fields = Object.keys((owner?.properties as object | undefined) ?? {}).filter((f) => f !== 'op');
    const op = (valueAt(data, segments) as { op?: unknown }).op;
    const what = typeof op === 'string' ? op : fieldName(prefix, segments);
    return new AugkitError(
      'INVALID_ARGUMENT',
      `Unknown field ${fieldName(prefix, [...segments, extra])}: ${what} takes ${fields.join(', ')}`,
    );
  }
  return new AugkitError(
    'INVALID_ARGUMENT',
    `Expected ${expected(schema)} for ${fieldName(prefix, segments)} but received ${describe(valueAt(data, segments))}`,
  );
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/**
 * Checks `data` against part of the recipe schema (schema/recipe.schema.json).
 *
 * @param kind - `recipe` (a whole recipe), `step` (one transform) or `applied` (a list of applied ops)
 * @param prefix - how the value is named in messages: '' for a recipe (fields read `steps[2].degrees`),
 *   `options` for a transform factory's argument, `applied` for replay's
 * @throws {AugkitError} INVALID_ARGUMENT naming the first bad field
 */
export function checkAgainstSchema(kind: keyof typeof validators, data: unknown, prefix: string): void {
  const { validate, schema } = validators[kind];
  if (!validate(data)) throw toError(validate.errors ?? [], schema, data, prefix);
}
