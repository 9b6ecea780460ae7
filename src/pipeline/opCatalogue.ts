import { AugkitError } from '../errors.js';
import type { OpDefinition } from '../ops/define.js';
import * as ops from '../ops/index.js';

/**
 * The definitions of kind `kind` a module exports, by name. Sorted by name: a module namespace lists its exports
 * in code-unit order, a bundler's emulation may not.
 *
 * @example
 * byName<OpDefinition>(ops, 'op').get('rotate');
 */
export function byName<D extends { readonly kind: string; readonly name: string }>(module: object, kind: D['kind']): ReadonlyMap<string, D> {
  const found = Object.values(module).filter((value): value is D => (value as { kind?: unknown } | null)?.kind === kind);
  return new Map(found.sort((a, b) => (a.name < b.name ? -1 : 1)).map((definition) => [definition.name, definition]));
}

/**
 * The definition `name` in `map`, which validation already checked.
 *
 * @throws {AugkitError} INTERNAL when it is missing (a bug).
 * @example
 * lookup(opDefinitions(), 'rotate', 'op');
 */
export function lookup<D>(map: ReadonlyMap<string, D>, name: string, what: string): D {
  const definition = map.get(name);
  if (definition === undefined) throw new AugkitError('INTERNAL', `unknown ${what} ${name} passed validation; please report this`);
  return definition;
}

let opsByName: ReadonlyMap<string, OpDefinition> | undefined;

/**
 * Every op definition exported from src/ops/index.ts, by name. Apart from the transforms (src/pipeline/catalogue.ts),
 * so that code which only runs applied ops, such as a flow worker thread, does not load the transforms, the recipe
 * parser and its schema validator.
 *
 * @example
 * [...opDefinitions().keys()]; // ['adjustBrightness', …, 'warpAffine']
 */
export function opDefinitions(): ReadonlyMap<string, OpDefinition> {
  return (opsByName ??= byName<OpDefinition>(ops, 'op'));
}

/**
 * The definition of op `name` (already validated to exist).
 *
 * @example
 * opDefinition('rotate').step({ degrees: 10, expand: false, fill: [0, 0, 0, 0] });
 */
export function opDefinition(name: string): OpDefinition {
  return lookup(opDefinitions(), name, 'op');
}
