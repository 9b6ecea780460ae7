// Where the numbers were measured: they only mean something next to the machine and versions.
import { cpus, totalmem, platform, release, arch, loadavg } from 'node:os';

export interface Environment {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly v8: string;
  readonly loadAverage: readonly number[];
}

export function environment(): Environment {
  const list = cpus();
  return {
    date: new Date().toISOString(),
    cpu: list[0]?.model ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    v8: process.versions.v8,
    loadAverage: loadavg().map((v) => Math.round(v * 100) / 100),
  };
}
