// Helpers for bench/run.ts: child processes, stats, npm queries. Node built-ins only.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type Stats = { median: number; min: number; runs: number; samples: number[] };
export type Run = { ms: number; ok: boolean; error?: string };

const round = (n: number): number => Math.round(n * 10) / 10;

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median: round(median), min: round(s[0]), runs: s.length, samples: samples.map(round) };
}

// Strip inherited npm_* so `pnpm bench` and `node bench/run.ts` measure the same thing, then pose
// as `pnpm create`: without a pnpm user agent, create-next-app --use-pnpm spawns `pnpm --version`
// (~0.6 s on the 2-core box), which a real `pnpm create next-app` never pays.
export const USER_AGENT = `pnpm/10.0.0 npm/? node/${process.version} ${process.platform} ${process.arch}`;
export const childEnv: Record<string, string> = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')) as [string, string][],
);
childEnv.npm_config_user_agent = USER_AGENT;

// Output goes to a file rather than a pipe: a grandchild holding a pipe open would keep spawnSync
// blocked past its timeout. stdin is ignored so no prompt can ever wait.
export function timed(cmd: string, args: string[], cwd: string, log: string, timeoutMs = 60_000): Run {
  const fd = openSync(log, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, env: childEnv, stdio: ['ignore', fd, fd], timeout: timeoutMs, killSignal: 'SIGKILL' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(fd);
  if (r.status === 0) return { ms, ok: true };
  const why = r.error ? String(r.error.message) : `exit ${r.status ?? r.signal}`;
  return { ms, ok: false, error: `${why}: ${readFileSync(log, 'utf8').trim().split('\n').slice(-5).join(' | ')}` };
}

// For short npm queries whose stdout we need; npm leaves no grandchildren behind.
export function capture(cmd: string, args: string[], cwd: string, timeoutMs = 120_000): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  return { ok: r.status === 0, out: r.stdout ?? '' };
}

// One extra run under GNU time: keeps the timed runs free of its fork/exec overhead.
export function peakRssKB(args: string[], cwd: string, out: string): number | null {
  if (!existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, process.execPath, ...args], { cwd, env: childEnv, stdio: 'ignore', timeout: 60_000 });
  const kb = r.status === 0 ? parseInt(readFileSync(out, 'utf8').trim().split('\n').pop() ?? '', 10) : NaN;
  return Number.isFinite(kb) ? kb : null;
}

export const countFiles = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;

export function depCount(pkgJson: string): number {
  return Object.keys(JSON.parse(readFileSync(pkgJson, 'utf8')).dependencies ?? {}).length;
}

export function binOf(pkgDir: string, name: string): string {
  const bin = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).bin;
  return join(pkgDir, typeof bin === 'string' ? bin : (bin[name] ?? Object.values(bin)[0]));
}

// Pinned version if published, else the closest one (highest below, or lowest above).
export function resolveVersion(name: string, want: string, cwd: string): string {
  if (capture('npm', ['view', `${name}@${want}`, 'version', '--json'], cwd).ok) return want;
  const key = (v: string) => v.split('.').map((x) => parseInt(x, 10));
  const cmp = (a: string, b: string) => { const x = key(a), y = key(b); return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; };
  const all: string[] = JSON.parse(capture('npm', ['view', name, 'versions', '--json'], cwd).out || '[]');
  const stable = all.filter((v) => !v.includes('-')).sort(cmp);
  const pick = stable.filter((v) => cmp(v, want) < 0).pop() ?? stable.find((v) => cmp(v, want) > 0);
  if (!pick) throw new Error(`no published version of ${name}`);
  console.error(`! ${name}@${want} is not published; using ${pick}`);
  return pick;
}

export type Pack = { size: number; unpackedSize: number; entryCount: number };
// --ignore-scripts: measure what is on disk; never run another engineer's prepack build from here.
export function pack(args: string[], cwd: string): Pack | { error: string } {
  const r = capture('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', ...args], cwd);
  if (!r.ok) return { error: 'npm pack failed' };
  const [p] = JSON.parse(r.out);
  return { size: p.size, unpackedSize: p.unpackedSize, entryCount: p.entryCount };
}

export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
