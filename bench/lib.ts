// Helpers for bench/run.ts: child processes, stats, npm queries (Node built-ins), and the built-site
// measures of the "sites" section (playwright-core and lighthouse, loaded only when that section runs).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

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
export function timed(cmd: string, args: string[], cwd: string, log: string, timeoutMs = 60_000, env: Record<string, string> = {}): Run {
  const fd = openSync(log, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, env: { ...childEnv, ...env }, stdio: ['ignore', fd, fd], timeout: timeoutMs, killSignal: 'SIGKILL' });
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

// --- Built sites in Debian's Chromium ------------------------------------------------------------

export type PageWeight = { requests: number; jsFiles: number; jsBytes: number; jsGzip: number; totalBytes: number; totalGzip: number };

// One cold load of `url` in a fresh context. The local static server does not compress, so the bytes it
// sends are the raw bodies; each body is also gzipped here (level 6) for what a compressing host would send.
export async function pageWeight(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<{ js: boolean; raw: number; gzip: number } | null>[] = [];
  page.on('response', (r) => {
    const js = r.request().resourceType() === 'script';
    bodies.push(r.body().then((b) => ({ js, raw: b.length, gzip: gzipSync(b).length }), () => null)); // redirects have no body
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const got = (await Promise.all(bodies)).filter((b) => b !== null);
  await context.close();
  const sum = (xs: typeof got, k: 'raw' | 'gzip') => xs.reduce((n, x) => n + x[k], 0);
  const js = got.filter((b) => b.js);
  return { requests: got.length, jsFiles: js.length, jsBytes: sum(js, 'raw'), jsGzip: sum(js, 'gzip'), totalBytes: sum(got, 'raw'), totalGzip: sum(got, 'gzip') };
}

export type LighthouseScores = {
  performance: number; accessibility: number; bestPractices: number; seo: number;
  fcpMs: number; lcpMs: number; tbtMs: number; cls: number;
  /** Audits that cost points (score below 1 in a scored category). */
  lost: string[];
  /** How many runs the median was taken from, and each run's performance score. */
  runs: number; performanceRuns: number[];
  /** Lighthouse's own measure of this machine's speed (higher is faster): simulated mobile times scale with it. */
  benchmarkIndex: number;
};

// Lighthouse's Node API on an already running Chromium (its --remote-debugging-port). Mobile is
// Lighthouse's default (simulated slow 4G, mid-range phone); desktop is its own desktop preset.
// Lighthouse's own advice for noisy machines: several runs, report the median one (by FCP and TTI).
export async function lighthouseScores(url: string, port: number, preset: 'mobile' | 'desktop', runs = 3): Promise<LighthouseScores> {
  const { default: lighthouse } = await import('lighthouse');
  const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js');
  const config = preset === 'desktop' ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;
  const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
  const lhrs: NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'][] = [];
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: categories }, config);
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    lhrs.push(result.lhr);
  }
  const { categories: c, audits, environment } = computeMedianRun(lhrs) as (typeof lhrs)[number];
  const score = (id: string) => Math.round((c[id]?.score ?? 0) * 100);
  const ms = (id: string) => Math.round(audits[id]?.numericValue ?? NaN);
  const lost = categories.flatMap((id) => (c[id]?.auditRefs ?? [])
    .filter((a) => a.weight > 0 && audits[a.id]?.score !== null && (audits[a.id]?.score ?? 1) < 1)
    .map((a) => `${id}:${a.id}`));
  return {
    performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo'),
    fcpMs: ms('first-contentful-paint'), lcpMs: ms('largest-contentful-paint'), tbtMs: ms('total-blocking-time'),
    cls: Math.round((audits['cumulative-layout-shift']?.numericValue ?? NaN) * 1000) / 1000, lost,
    runs, performanceRuns: lhrs.map((l) => Math.round((l.categories.performance?.score ?? 0) * 100)), benchmarkIndex: Math.round(environment.benchmarkIndex),
  };
}
