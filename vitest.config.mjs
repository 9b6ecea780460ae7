// Vitest's defaults, but for the timeouts: 5 s is a speed assertion on a shared 2-core machine, where a test
// that takes 2.3 s when idle took over 5 s when the host slowed (deflateRle's zlib comparison, 2026-12-02).
// A hang still fails, after a minute.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
