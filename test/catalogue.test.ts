// One op, one place: every op and transform is a single definition, and everything else — the recipe schema,
// applied records, replay, the docs table — is derived from it. These tests pin what an op owns and check
// that the derived artefacts are current and agree with the definitions.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { compose, oneOf, randomFlip, randomRotation, randomSaltAndPepper, replay, resizeTo, type Transform } from '../src/index.js';
import { opStep } from '../src/ops/define.js';
import { opDefinitions, transformDefinitions } from '../src/pipeline/catalogue.js';
import { buildRecipeSchema } from '../src/pipeline/schema.js';
import { checkAgainstSchema } from '../src/pipeline/schemaErrors.js';
import { opsTableMarkdown } from '../scripts/opsTable.js';
import { bytesEqual, randomImage } from './helpers/images.js';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/**
 * The files each op owns: its kernel, its definition (with the public function), its plain-TS reference
 * twin and its tests. Adding an op adds a row here, and nothing outside these files (and its transform's
 * file, and the export line) may need editing.
 */
const warp = ['assembly/geometry/warp.ts', 'assembly/geometry/border.ts', 'src/reference/warp.ts', 'src/reference/border.ts', 'test/warp.test.ts'];
const cropPad = ['assembly/geometry/cropPad.ts', 'src/reference/cropPad.ts', 'test/cropPad.test.ts'];
const owned: Record<string, readonly string[]> = {
  affine: [...warp, 'assembly/geometry/affineMatrix.ts', 'src/ops/affine.ts', 'src/ops/affineForm.ts'],
  centerCrop: [...cropPad, 'src/ops/centerCrop.ts'],
  crop: [...cropPad, 'src/ops/crop.ts'],
  flipHorizontal: ['assembly/geometry/flip.ts', 'src/ops/flip.ts', 'src/reference/flip.ts', 'test/flip.test.ts'],
  flipVertical: ['assembly/geometry/flip.ts', 'src/ops/flip.ts', 'src/reference/flip.ts', 'test/flip.test.ts'],
  pad: [...cropPad, 'src/ops/pad.ts'],
  perspective: [...warp, 'src/ops/perspective.ts', 'src/ops/homography.ts'],
  resize: [
    'assembly/geometry/resize.ts', 'assembly/geometry/resizeAntialias.ts', 'src/ops/resize.ts', 'src/ops/resizeScratch.ts',
    'src/reference/resize.ts', 'test/resize.test.ts', 'test/resizeFit.test.ts',
  ],
  resizeLonger: ['assembly/geometry/resize.ts', 'src/ops/resizeSide.ts', 'src/reference/resize.ts', 'test/resizeFit.test.ts'],
  resizeShorter: ['assembly/geometry/resize.ts', 'src/ops/resizeSide.ts', 'src/reference/resize.ts', 'test/resizeFit.test.ts'],
  rotate: ['assembly/geometry/rotate.ts', 'src/ops/rotate.ts', 'src/reference/rotate.ts', 'test/rotate.test.ts'],
  saltAndPepper: ['assembly/noise/saltAndPepper.ts', 'src/ops/saltAndPepper.ts', 'src/reference/saltAndPepper.ts', 'test/saltAndPepper.test.ts'],
  warpAffine: [...warp, 'src/ops/warpAffine.ts', 'src/ops/affineForm.ts'],
  // colour, filter, noise and occlusion ops (op catalogue II)
  ...Object.fromEntries(
    (['grayscale', 'adjustSaturation', 'adjustContrast'] as const).map((op) => [op, ['assembly/color/luma.ts', 'src/ops/color.ts', 'src/reference/colorPixels.ts', 'test/color.test.ts']]),
  ),
  ...Object.fromEntries(
    (['adjustBrightness', 'adjustGamma', 'channelShift'] as const).map((op) => [op, ['assembly/color/lut.ts', 'src/ops/color.ts', 'src/reference/colorTables.ts', 'test/color.test.ts']]),
  ),
  ...Object.fromEntries(
    (['invert', 'solarize', 'posterize'] as const).map((op) => [op, ['assembly/color/lut.ts', 'src/ops/imageOps.ts', 'src/reference/colorTables.ts', 'test/color.test.ts']]),
  ),
  ...Object.fromEntries(
    (['equalize', 'autocontrast'] as const).map((op) => [op, ['assembly/color/histogram.ts', 'src/ops/imageOps.ts', 'src/reference/colorTables.ts', 'test/color.test.ts']]),
  ),
  adjustHue: ['assembly/color/hue.ts', 'src/ops/color.ts', 'src/reference/colorPixels.ts', 'test/color.test.ts'],
  adjustSharpness: ['assembly/color/sharpness.ts', 'src/ops/sharpness.ts', 'src/reference/colorPixels.ts', 'test/color.test.ts'],
  gaussianBlur: ['assembly/filter/gaussianBlur.ts', 'src/ops/gaussianBlur.ts', 'src/reference/gaussianBlur.ts', 'test/gaussianBlur.test.ts'],
  gaussianNoise: ['assembly/noise/gaussianNoise.ts', 'src/ops/gaussianNoise.ts', 'src/reference/gaussianNoise.ts', 'test/gaussianNoise.test.ts'],
  erase: ['assembly/noise/erase.ts', 'src/ops/erase.ts', 'src/reference/erase.ts', 'test/erase.test.ts'],
  cutout: ['assembly/noise/erase.ts', 'src/ops/erase.ts', 'src/reference/erase.ts', 'test/erase.test.ts'],
  jpegArtifacts: ['src/codecs/encodeJpeg.ts', 'src/ops/jpegArtifacts.ts', 'src/codecs/decode.ts', 'test/jpegArtifacts.test.ts'],
};

/** Each transform's file (definition + factory). */
const transformFile = (name: string) => `src/pipeline/transforms/${name}.ts`;

/** Every .ts file under `dir`, relative to the repository root. */
function sources(dir: string): string[] {
  return readdirSync(new URL(dir, root), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.includes('.generated.'))
    .map((e) => `${e.parentPath.slice(new URL(dir, root).pathname.length - dir.length)}/${e.name}`.replace(/^\/+/, ''));
}

/** Source text without comments, so only code counts. */
const code = (path: string) => read(path).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

describe('the files an op owns', () => {
  it('every op definition has a row of owned files, and every row an op', () => {
    expect(Object.keys(owned).sort()).toEqual([...opDefinitions().keys()].sort());
  });

  for (const [op, files] of Object.entries(owned)) {
    it(`${op}: its files exist, and its definition is in src/ops/`, () => {
      for (const file of files) expect(existsSync(new URL(file, root)), file).toBe(true);
      const definitions = files.filter((f) => f.startsWith('src/ops/') && code(f).includes(`name: '${op}'`));
      expect(definitions).toHaveLength(1);
      const exportLine = read('src/ops/index.ts').split('\n').find((l) => l.endsWith(`from './${definitions[0]!.slice('src/ops/'.length, -3)}.js';`));
      expect(exportLine).toContain(` ${op}Op`);
    });
  }

  it('every transform is one file, exported by one line of src/pipeline/transforms/index.ts', () => {
    const index = read('src/pipeline/transforms/index.ts');
    for (const name of transformDefinitions().keys()) {
      expect(code(transformFile(name))).toContain(`name: '${name}'`);
      expect(index).toContain(`export * from './${name}.js';`);
    }
  });

  it('no code outside an op’s own files branches on its name (no switch over ops anywhere)', () => {
    const names = [...opDefinitions().keys(), ...transformDefinitions().keys()];
    for (const file of [...sources('src'), ...sources('scripts')]) {
      const text = code(file);
      for (const name of names) {
        expect(text, `${file} branches on ${name}`).not.toMatch(new RegExp(`case ['"]${name}['"]|[!=]==? ?['"]${name}['"]`));
      }
    }
  });
});

describe('derived artefacts are current', () => {
  it('schema/recipe.schema.json is the schema the definitions give (run npm run build:schema)', () => {
    expect(JSON.parse(read('schema/recipe.schema.json'))).toEqual(buildRecipeSchema());
  });

  it('docs/ops-table.md is the table the definitions give (run npm run docs:ops)', () => {
    expect(read('docs/ops-table.md')).toBe(opsTableMarkdown());
  });

  it('the shipped schema compiles with Ajv and accepts every parameter default', () => {
    const ajv = new Ajv({ strict: false });
    const schema = buildRecipeSchema();
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    for (const definition of [...opDefinitions().values(), ...transformDefinitions().values()]) {
      for (const [key, p] of Object.entries(definition.params)) {
        if (p.default === undefined) continue;
        expect(ajv.validate(p.schema, p.default), `${definition.name}.${key}`).toBe(true);
        expect(p.check(p.default, key)).toEqual(p.default);
      }
    }
  });
});

describe('applied records follow the op definitions', () => {
  const img = randomImage(23, 17, 5);
  const pipelines: Transform[] = [
    compose([
      resizeTo(30, 20, { antialias: true }),
      randomFlip({ horizontal: 0.5, vertical: 0.5 }),
      oneOf([randomRotation({ degrees: 180, expand: true }), randomSaltAndPepper({ amount: [0, 0.2], perChannel: true })]),
    ]),
  ];

  it('every drawn record passes the applied schema, lists its parameters in definition order, and replays', () => {
    for (const pipeline of pipelines) {
      for (let seed = 0; seed < 40; seed++) {
        const { image, applied } = pipeline(img, { seed });
        checkAgainstSchema('applied', applied, 'applied');
        for (const record of applied) {
          const params = Object.entries(opDefinitions().get(record.op)!.params);
          const always = params.filter(([, p]) => !p.omitDefault && !p.optional).map(([key]) => key);
          expect(Object.keys(record)).toEqual(['op', ...params.map(([key]) => key).filter((key) => key in record)]);
          for (const key of always) expect(record).toHaveProperty(key);
        }
        expect(bytesEqual(replay(img, JSON.parse(JSON.stringify(applied))).data, image.data)).toBe(true);
      }
    }
  });

  it('draw(seed, size) follows sizes through the steps: each op’s output size is the next one’s input', () => {
    const pipeline = compose([resizeTo(40, 10), randomRotation({ degrees: [30, 60], expand: true }), randomFlip()]);
    for (let seed = 0; seed < 10; seed++) {
      const { image, applied } = pipeline(img, { seed });
      expect(pipeline.draw(seed, { width: img.width, height: img.height })).toEqual(applied);
      expect(pipeline.draw(seed)).toEqual(applied);
      const last = applied.reduce(
        (size, op) => opStep(opDefinitions().get(op.op)!, op).outputSize(size[0], size[1]),
        [img.width, img.height] as readonly [number, number],
      );
      expect(last).toEqual([image.width, image.height]);
    }
  });
});

describe('step objects are typed per transform', () => {
  it('test/types/steps.typecheck.ts compiles, with every @ts-expect-error needed (tsc --noEmit)', () => {
    const tsc = new URL('node_modules/typescript/bin/tsc', root).pathname;
    const result = spawnSync(process.execPath, [tsc, '-p', new URL('test/types', root).pathname], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
