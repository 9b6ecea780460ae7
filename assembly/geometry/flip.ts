/** Mirrors columns: dst(x, y) = src(width - 1 - x, y). Pixels move as whole u32 words. */
export function flipHorizontal(src: usize, width: i32, height: i32, dst: usize): void {
  const rowBytes = <usize>width << 2;
  for (let y = 0; y < height; y++) {
    let s = src + <usize>y * rowBytes;
    let d = dst + <usize>y * rowBytes + rowBytes - 4;
    for (let x = 0; x < width; x++) {
      store<u32>(d, load<u32>(s));
      s += 4;
      d -= 4;
    }
  }
}

/** Mirrors rows: dst(x, y) = src(x, height - 1 - y). */
export function flipVertical(src: usize, width: i32, height: i32, dst: usize): void {
  const rowBytes = <usize>width << 2;
  for (let y = 0; y < height; y++) {
    memory.copy(dst + <usize>(height - 1 - y) * rowBytes, src + <usize>y * rowBytes, rowBytes);
  }
}
