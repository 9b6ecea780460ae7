import { AugkitError } from '../errors.js';

/**
 * Which compilation of a module runs: with 128-bit SIMD instructions, or without for engines that lack them.
 *
 * @example
 * const build: KernelBuild = kernelBuild(); // 'simd' in current browsers, Node, Deno and Bun
 */
export type KernelBuild = 'simd' | 'scalar';

/** What every augkit WebAssembly module exports besides its own functions. */
export interface WasmExports {
  readonly memory: WebAssembly.Memory;
  /** The first byte after the module's static data: free memory starts here. */
  heapBase(): number;
}

/** The two builds of one module, as scripts/build-wasm.mjs embeds them (src/wasm/<name>.generated.ts). */
export interface WasmSources {
  readonly simdBase64: string;
  readonly scalarBase64: string;
}

/**
 * The smallest module that uses a SIMD instruction, `(func (result v128) (i8x16.splat (i32.const 0)))`:
 * `WebAssembly.validate` accepts it exactly in engines with fixed-width SIMD (relaxed SIMD is not used).
 */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x08, 0x01, 0x06, 0x00, 0x41, 0x00, 0xfd, 0x0f, 0x0b, // code: i32.const 0, i8x16.splat, end
]);

/** Whether this engine runs WebAssembly SIMD (checked once, at load). */
export const simdSupported: boolean = WebAssembly.validate(SIMD_PROBE);

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Every module defined so far, so that memory release and build switches reach all of them. */
const modules: WasmModule<WasmExports>[] = [];

/** The build every module starts with: SIMD where the engine validates it (a module falls back on its own). */
let preferredBuild: KernelBuild = simdSupported ? 'simd' : 'scalar';

/**
 * One of augkit's WebAssembly modules (the kernels, a codec), compiled and instantiated on first use,
 * synchronously: not with top-level await, so the same code also loads as CommonJS and in bundles targeting
 * engines without top-level await, and each module is far below the 8 MB Chromium allows for synchronous
 * compilation on the main thread. A module nobody calls is never compiled. SIMD build where the engine
 * validates it; the scalar build if SIMD is missing or its module fails to compile.
 */
export class WasmModule<T extends WasmExports> {
  readonly #compiled = new Map<KernelBuild, WebAssembly.Module>();
  #build: KernelBuild | undefined;
  #instance: T | undefined;

  /**
   * @param name the module's name, for error messages (`kernels`, `jpeg`, …).
   * @param sources its two builds, base64.
   * @param onInstance for a module other code holds a live binding to (the kernels): the module is then
   *   instantiated at once, every replacement of the instance happens immediately and is reported here.
   */
  constructor(
    readonly name: string,
    private readonly sources: WasmSources,
    private readonly onInstance?: (exports: T) => void,
  ) {
    modules.push(this as unknown as WasmModule<WasmExports>);
    if (onInstance) onInstance(this.exports);
  }

  #compile(build: KernelBuild): WebAssembly.Module {
    let module = this.#compiled.get(build);
    if (!module) {
      module = new WebAssembly.Module(decodeBase64(build === 'simd' ? this.sources.simdBase64 : this.sources.scalarBase64));
      this.#compiled.set(build, module);
    }
    return module;
  }

  /** Compiles the preferred build, or the scalar one when SIMD fails to compile. */
  #load(): KernelBuild {
    if (preferredBuild === 'simd') {
      try {
        this.#compile('simd');
        return 'simd';
      } catch {
        // an engine that validates the probe but rejects the module: run the scalar build
      }
    }
    this.#compile('scalar');
    return 'scalar';
  }

  #instantiate(): T {
    const instance = new WebAssembly.Instance(this.#compile(this.build), {}).exports as unknown as T;
    this.#instance = instance;
    this.onInstance?.(instance);
    return instance;
  }

  /**
   * The instance's exports, ready to call (compiled and instantiated on first use). {@link release},
   * {@link reinstantiate} and {@link use} replace the instance: read `exports` at the time of each call, never
   * keep its `memory` across calls.
   */
  get exports(): T {
    return this.#instance ?? this.#instantiate();
  }

  /** The build this module runs (or will run, when first used). */
  get build(): KernelBuild {
    this.#build ??= this.#load();
    return this.#build;
  }

  /** The instance's memory in bytes, 0 while the module has no instance. */
  get memoryBytes(): number {
    return this.#instance?.memory.buffer.byteLength ?? 0;
  }

  /**
   * Switches to `build` (compiling it now) with a fresh memory.
   *
   * @throws {WebAssembly.CompileError} when this engine cannot compile that build (SIMD without support).
   */
  use(build: KernelBuild): void {
    this.#compile(build);
    this.#build = build;
    this.release();
  }

  /**
   * Gives the instance's memory back: the next use runs on a fresh instance (synchronously, from the
   * compiled module) whose memory starts at its initial size. Nothing else changes.
   */
  release(): void {
    if (this.onInstance) this.#instantiate();
    else this.#instance = undefined;
  }

  /**
   * Replaces the instance with a fresh one, after a trap, when its memory or globals may be in any state.
   * Should an engine refuse the synchronous instantiation, the old instance is kept (its memory is only
   * scratch: every call lays out its own buffers again).
   */
  reinstantiate(): void {
    try {
      this.release();
    } catch {
      // keep the current instance
    }
  }

  /**
   * Runs calls into the module. A WebAssembly trap (out-of-bounds access, `unreachable`) is a bug: the
   * instance is replaced first, so the next call starts from a clean module whatever state the trap left,
   * and the trap becomes AugkitError INTERNAL naming `op`. Anything else `run` throws (an AugkitError such
   * as TOO_LARGE while laying out memory, a decoder's own error) passes through unchanged.
   */
  call<R>(op: string, run: (exports: T) => R): R {
    try {
      return run(this.exports);
    } catch (cause) {
      if (!(cause instanceof WebAssembly.RuntimeError)) throw cause;
      this.reinstantiate();
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new AugkitError('INTERNAL', `${op} failed inside WebAssembly (${reason}); please report this`, { cause });
    }
  }
}

/** The memory of every module's instance, in bytes (modules without an instance count 0). */
export function modulesMemoryBytes(): number {
  return modules.reduce((sum, module) => sum + module.memoryBytes, 0);
}

/** Drops every module's instance (see {@link WasmModule.release}). */
export function releaseModules(): void {
  for (const module of modules) module.release();
}

/**
 * Switches every module, those not used yet included, to `build`. For tests and benchmarks that compare
 * the builds.
 *
 * @throws {WebAssembly.CompileError} when this engine cannot compile that build (SIMD without support).
 */
export function useBuild(build: KernelBuild): void {
  preferredBuild = build;
  for (const module of modules) module.use(build);
}
