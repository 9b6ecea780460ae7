import { AugkitError, describe } from '../errors.js';
import { checkKnownKeys } from '../knownKeys.js';
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
  params: { missingProperty?: string };
}

/** A validator that Ajv generated at build time from the recipe schema (derived from the op and transform definitions). */
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

/** The sub-schema at a local JSON pointer such as `#/definitions/steps/randomFlip`. */
function atPointer(pointer: string): Schema {
  let schema: unknown = root;
  for (const segment of pointer.slice(2).split('/')) schema = (schema as Record<string, unknown>)[unescapePointer(segment)];
  return schema as Schema;
}

function definition(name: string): Schema {
  return atPointer(`#/definitions/${name}`);
}

function resolveRef(schema: Schema | undefined): Schema | undefined {
  const ref = schema?.$ref;
  return typeof ref === 'string' ? atPointer(ref) : schema;
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
 * should be and what it is (unknown fields are reported before this, by `rejectUnknownFields`). Ajv lists the failures of `anyOf` branches before the `anyOf` itself and
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
  return new AugkitError(
    'INVALID_ARGUMENT',
    `Expected ${expected(schema)} for ${fieldName(prefix, segments)} but received ${describe(valueAt(data, segments))}`,
  );
}

function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/**
 * Throws for the first field (depth first, in key order) that no schema allows: an unknown field is
 * reported before anything else, so a typo (`degres`) is named rather than the `degrees` it leaves missing.
 */
function rejectUnknownFields(start: Schema | undefined, data: unknown, prefix: string, segments: readonly string[]): void {
  const schema = resolveRef(start);
  if (schema === undefined || data === null || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    const items = schema.items as Schema | undefined;
    if (items !== undefined) data.forEach((item, i) => rejectUnknownFields(items, item, prefix, [...segments, String(i)]));
    return;
  }
  const owner = branchFor(schema, data) ?? schema;
  const properties = (owner.properties as Record<string, Schema> | undefined) ?? {};
  if (owner.additionalProperties === false) {
    const op = (data as { op?: unknown }).op;
    const what = `${fieldName(prefix, segments)}${typeof op === 'string' && segments.length + prefix.length > 0 ? ` (${op})` : ''}`;
    checkKnownKeys(data, Object.keys(properties), what, 'field');
  }
  for (const [key, value] of Object.entries(data)) {
    if (key in properties) rejectUnknownFields(properties[key], value, prefix, [...segments, key]);
  }
}

/**
 * Checks `data` against part of the recipe schema (schema/recipe.schema.json, generated from the definitions).
 *
 * @param kind - `recipe` (a whole recipe), `step` (one transform) or `applied` (a list of applied ops)
 * @param prefix - how the value is named in messages: '' for a recipe (fields read `steps[2].degrees`),
 *   `options` for a transform factory's argument, `applied` for replay's
 * @throws {AugkitError} INVALID_ARGUMENT naming the first bad field
 */
export function checkAgainstSchema(kind: keyof typeof validators, data: unknown, prefix: string): void {
  const { validate, schema } = validators[kind];
  if (validate(data)) return;
  rejectUnknownFields(schema, data, prefix, []);
  throw toError(validate.errors ?? [], schema, data, prefix);
}
