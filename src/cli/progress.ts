/** A one-line progress bar on a TTY stream: files done/total, images/s, ETA. Silent elsewhere. */
export class ProgressBar {
  private last = 0;
  private shown = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly label: string,
  ) {}

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(done: number, total: number, images: number, elapsedMs: number, force = false): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.last < 100 && done < total) return;
    this.last = now;
    const columns = this.stream.columns ?? 80;
    const rate = elapsedMs > 0 ? (images * 1000) / elapsedMs : 0;
    const eta = done > 0 && done < total ? ((total - done) * elapsedMs) / done / 1000 : 0;
    const stats = ` ${done}/${total} files · ${rate.toFixed(1)} images/s · ETA ${formatSeconds(eta)}`;
    // the numbers always fit whole (a cut "ETA 6s" reads "ETA 6"); the bar takes what is left, or goes
    const label = this.label.length + stats.length < columns ? this.label : '';
    const width = Math.min(40, columns - 1 - label.length - stats.length - 3);
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const bar = width >= 5 ? ` [${'█'.repeat(filled)}${'░'.repeat(width - filled)}]` : '';
    this.stream.write(`\r${label}${bar}${stats}\x1b[K`);
    this.shown = true;
  }

  /** Clears the bar so the summary starts on a clean line. */
  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.ceil(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
