// Huffman tables for the WebAssembly JPEG decoder, built the way jpeg-js builds them (its buildHuffmanTable,
// ported: the same tree, the same "Could not recreate Huffman Table" failure), then laid out for table-driven
// decoding (assembly/jpeg/layout.ts): a 10-bit lookup and, for longer codes, the largest code per length.

/** Bits the first lookup resolves; longer codes take the per-length limits. */
const FAST_BITS = 10;
const MAX_CODE = 2048;
const DELTA = 2116;
const VALUES = 2184;
const AC_FAST = 2440;
/** Bytes of one table in WebAssembly memory (assembly/jpeg/layout.ts HUFFMAN_TABLE_BYTES). */
export const HUFFMAN_TABLE_BYTES = 6536;

type Tree = (number | Tree)[];

/**
 * jpeg-js's buildHuffmanTable, verbatim in behaviour: the code tree of `codeLengths` (codes per length 1..16)
 * and `values`.
 *
 * @throws {Error} "Could not recreate Huffman Table" for lengths no prefix code has.
 */
function buildTree(codeLengths: Uint8Array, values: Uint8Array): Tree {
  let k = 0;
  let length = 16;
  while (length > 0 && !codeLengths[length - 1]) length--;
  const code: { children: Tree; index: number }[] = [{ children: [], index: 0 }];
  let p = code[0]!;
  let q: { children: Tree; index: number };
  for (let i = 0; i < length; i++) {
    for (let j = 0; j < codeLengths[i]!; j++) {
      p = code.pop()!;
      p.children[p.index] = values[k]!;
      while (p.index > 0) {
        if (code.length === 0) throw new Error('Could not recreate Huffman Table');
        p = code.pop()!;
      }
      p.index++;
      code.push(p);
      while (code.length <= i) {
        code.push((q = { children: [], index: 0 }));
        p.children[p.index] = q.children;
        p = q;
      }
      k++;
    }
    if (i + 1 < length) {
      code.push((q = { children: [], index: 0 }));
      p.children[p.index] = q.children;
      p = q;
    }
  }
  return code[0]!.children;
}

/** Every leaf of `tree` as [code, length, value], in the order of a walk that tries bit 0 first. */
function leaves(tree: Tree, prefix = 0, depth = 0, out: [number, number, number][] = []): [number, number, number][] {
  for (let bit = 0; bit < 2; bit++) {
    const node = tree[bit];
    if (typeof node === 'number') out.push([(prefix << 1) | bit, depth + 1, node]);
    else if (node !== undefined) leaves(node, (prefix << 1) | bit, depth + 1, out);
  }
  return out;
}

/**
 * For AC coefficients: per 10-bit prefix whose code (length L, run r, size s ≥ 1) and s extra bits fit in it,
 * the whole coefficient at once: (value << 16) | 256 | (r << 4) | (L + s); for the end of block (run and size 0),
 * 512 | L; 0 otherwise. The value is jpeg-js's receiveAndExtend of the extra bits.
 */
function writeAcLookup(view: DataView): void {
  for (let prefix = 0; prefix < 1 << FAST_BITS; prefix++) {
    const entry = view.getUint16(prefix * 2, true);
    const length = entry >> 8;
    const s = entry & 15;
    const bits = length + s;
    if (entry !== 0 && (entry & 255) === 0) view.setInt32(AC_FAST + prefix * 4, 512 | length, true); // end of block
    if (entry === 0 || s === 0 || bits > FAST_BITS) continue;
    const extra = (prefix >> (FAST_BITS - bits)) & ((1 << s) - 1);
    const value = extra >= 1 << (s - 1) ? extra : extra + (-1 << s) + 1;
    view.setInt32(AC_FAST + prefix * 4, (value << 16) | 256 | (((entry & 255) >> 4) << 4) | bits, true);
  }
}

/** Tables built so far, by their code lengths and values: most JPEGs share the standard tables. */
const built = new Map<string, Uint8Array | undefined>();
/** Distinct tables kept at most (the cache starts over when full). */
const CACHED_TABLES = 64;

/**
 * The table jpeg-js would decode with, laid out for WebAssembly, or `undefined` when its tree is not the
 * canonical code of `codeLengths` (then the limits per length would not describe it, and jpeg-js decodes).
 * Tables are built once per distinct definition and shared: callers only read them.
 *
 * @throws {Error} what jpeg-js throws for the same table.
 * @example
 * const table = huffmanTable(codeLengths, values); // Uint8Array(6536) or undefined
 */
export function huffmanTable(codeLengths: Uint8Array, values: Uint8Array): Uint8Array | undefined {
  const key = latin1(codeLengths) + latin1(values);
  if (built.has(key)) return built.get(key);
  const table = buildTable(codeLengths, values);
  if (built.size >= CACHED_TABLES) built.clear();
  built.set(key, table);
  return table;
}

/** The bytes as a string of char codes 0..255 (a cache key). */
function latin1(bytes: Uint8Array): string {
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/** {@link huffmanTable}, built. */
function buildTable(codeLengths: Uint8Array, values: Uint8Array): Uint8Array | undefined {
  const found = leaves(buildTree(codeLengths, values)).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const table = new Uint8Array(HUFFMAN_TABLE_BYTES);
  const view = new DataView(table.buffer);
  let code = 0;
  let index = 0;
  for (let length = 1; length <= 16; length++) {
    const count = codeLengths[length - 1]!;
    view.setInt32(MAX_CODE + length * 4, count ? code + count - 1 : -1, true);
    view.setInt32(DELTA + length * 4, index - code, true);
    for (let j = 0; j < count; j++, code++, index++) {
      const leaf = found[index];
      if (!leaf || leaf[0] !== code || leaf[1] !== length || leaf[2] !== values[index]) return undefined;
      if (length <= FAST_BITS) {
        const first = code << (FAST_BITS - length);
        for (let e = 0; e < 1 << (FAST_BITS - length); e++) view.setUint16((first + e) * 2, (length << 8) | leaf[2], true);
      }
    }
    code <<= 1;
  }
  if (found.length !== index || index > 256) return undefined;
  table.set(values.subarray(0, index), VALUES);
  writeAcLookup(view);
  return table;
}
