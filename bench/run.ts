// Benchmark create-jam against create-vite and create-next-app. Run: node bench/run.ts [--runs N] [--create-jam PATH] [--keep]
// Each section is a small function returning plain data; results are merged under the section name,
// so later sections (built-site JS bytes, Lighthouse) plug into SECTIONS without touching the rest.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  USER_AGENT, binOf, capture, countFiles, depCount, pack, peakRssKB, resolveVersion, stats, table, timed,
} from './lib.ts';

const { values: opt } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'), // `pnpm bench -- --runs 3` forwards the `--`
  options: {
    runs: { type: 'string', default: '10' },
    'create-jam': { type: 'string', default: join(import.meta.dirname, '../create-jam/dist/cli.mjs') },
    keep: { type: 'boolean', default: false },
  },
});

type Peer = { name: string; want: string; args: string[]; version?: string; dir?: string; bin?: string };
type Ctx = { tmp: string; runs: number; jamBin: string; jamDir: string; peers: Peer[] };
type Results = Record<string, any>;
type Section = { name: string; run: (ctx: Ctx) => Results; md: (r: Results) => string };

// Flags chosen so no tool prompts, installs, inits git or reads saved preferences.
const PEERS: Peer[] = [
  { name: 'create-vite', want: '9.3.0', args: ['app', '--template', 'react-ts', '--no-interactive', '--no-immediate', '--overwrite'] },
  {
    name: 'create-next-app', want: '16.4.3',
    args: ['app', '--ts', '--app', '--eslint', '--no-tailwind', '--no-src-dir', '--no-react-compiler', '--import-alias', '@/*',
      '--agents-md', '--no-agent-feedback', '--use-pnpm', '--skip-install', '--disable-git', '--yes'],
  },
];
const JAM_ARGS = ['my-site', '--yes', '--no-install', '--no-git'];
const TARBALL_LIMIT = 250_000; // bytes (250 kB)
const kB = (b: number) => (b / 1000).toFixed(1);

// One cold run each: a fresh prefix and empty cache, so this is the download a first-time `npm create` pays.
function install(ctx: Ctx): Results {
  const out: Results = {};
  for (const p of ctx.peers) {
    p.version = resolveVersion(p.name, p.want, ctx.tmp);
    const prefix = join(ctx.tmp, 'peers', p.name);
    mkdirSync(prefix, { recursive: true });
    const args = ['install', '--prefix', prefix, '--cache', join(ctx.tmp, `cache-${p.name}`), '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `${p.name}@${p.version}`];
    const r = timed('npm', args, ctx.tmp, join(ctx.tmp, `install-${p.name}.log`), 300_000);
    if (r.ok) { p.dir = join(prefix, 'node_modules', p.name); p.bin = binOf(p.dir, p.name); }
    out[p.name] = { version: p.version, ms: Math.round(r.ms), runs: 1, ...(r.ok ? {} : { error: r.error }) };
    console.error(`install ${p.name}@${p.version}: ${r.ok ? `${Math.round(r.ms)} ms` : r.error}`);
  }
  return out;
}

function generate(ctx: Ctx): Results {
  const out: Results = {};
  const tools = [
    { name: 'node -e 0 (floor)', args: ['-e', '0'] },
    ...ctx.peers.filter((p) => p.bin).map((p) => ({ name: p.name, args: [p.bin as string, ...p.args] })),
  ];
  if (existsSync(ctx.jamBin)) tools.push({ name: 'create-jam', args: [ctx.jamBin, ...JAM_ARGS] });

  const samples = new Map<string, number[]>(tools.map((t) => [t.name, []]));
  const files = new Map<string, number>();
  const failed = new Map<string, string | undefined>();
  const once = (t: (typeof tools)[number]) => {
    const cwd = mkdtempSync(join(ctx.tmp, 'gen-'));
    const r = timed(process.execPath, t.args, cwd, join(ctx.tmp, 'gen.log'));
    if (r.ok) files.set(t.name, countFiles(cwd));
    else failed.set(t.name, r.error);
    rmSync(cwd, { recursive: true, force: true });
    return r;
  };
  // Warm-up run, not counted: disk cache, and create-next-app's once-a-day update-check fetch.
  // Then round-robin, so background noise spreads evenly over the tools instead of hitting one.
  let live = tools.filter((t) => once(t).ok);
  for (let i = 0; i < ctx.runs; i++) {
    live = live.filter((t) => { const r = once(t); if (r.ok) samples.get(t.name)!.push(r.ms); return r.ok; });
  }
  for (const t of tools) {
    if (failed.has(t.name)) { out[t.name] = { status: 'failed', error: failed.get(t.name) }; continue; }
    const rss = peakRssKB(t.args, mkdtempSync(join(ctx.tmp, 'rss-')), join(ctx.tmp, 'rss.txt'));
    out[t.name] = { cmd: `node ${t.args.join(' ').replaceAll(ctx.tmp, '$TMP')}`, ...stats(samples.get(t.name)!), files: files.get(t.name), peakRssKB: rss };
    console.error(`generate ${t.name}: median ${out[t.name].median} ms`);
  }
  if (!existsSync(ctx.jamBin)) out['create-jam'] = { status: 'not built', path: ctx.jamBin };
  return out;
}

function size(ctx: Ctx): Results {
  const out: Results = {};
  const jamPkg = join(ctx.jamDir, 'package.json');
  // Without the bundle the tarball is only sources/metadata: record it, but it says nothing about the goal.
  out['create-jam'] = existsSync(jamPkg)
    ? { ...pack([], ctx.jamDir), deps: depCount(jamPkg), built: existsSync(ctx.jamBin) }
    : { status: 'not present', path: ctx.jamDir };
  // Peers are packed from the registry spec, i.e. exactly the tarball users download.
  for (const p of ctx.peers.filter((p) => p.dir)) {
    out[p.name] = { version: p.version, ...pack([`${p.name}@${p.version}`], ctx.tmp), deps: depCount(join(p.dir!, 'package.json')) };
  }
  return out;
}

const SECTIONS: Section[] = [
  {
    name: 'install', run: install,
    md: (r) => '## Cold `npm install` (1 run, empty cache)\n\n' + table(['tool', 'version', 'ms'], Object.entries(r).map(([k, v]) => [k, v.version, v.error ? 'failed' : v.ms])),
  },
  {
    name: 'generate', run: generate,
    md: (r) => {
      const base = r['create-vite']?.median;
      const rows = Object.entries(r).map(([k, v]: [string, any]) => v.median === undefined
        ? [k, v.status, '', '', '', '']
        : [k, v.median, v.min, base ? (v.median / base).toFixed(2) : '', v.files, v.peakRssKB ? (v.peakRssKB / 1024).toFixed(0) : '']);
      return '## Generate a project (no install, no git)\n\n' + table(['tool', 'median ms', 'min ms', 'ratio to create-vite', 'files written', 'peak RSS MB'], rows);
    },
  },
  {
    name: 'size', run: size,
    md: (r) => '## Package size (`npm pack --dry-run`)\n\n' + table(['package', 'tarball kB', 'unpacked kB', 'files', 'runtime deps'],
      Object.entries(r).map(([k, v]: [string, any]) => v.size === undefined ? [k, v.status ?? v.error, '', '', v.deps ?? '']
        : [v.built === false ? `${k} (not built)` : k, kB(v.size), kB(v.unpackedSize), v.entryCount, v.deps])),
  },
];

function goals(r: Results): Results[] {
  const jam = r.generate['create-jam'], vite = r.generate['create-vite'], pkg = r.size['create-jam'];
  const g = (goal: string, value: string, pass: boolean) => ({ goal, value, pass });
  return [
    jam.median !== undefined && vite?.median !== undefined
      ? g('create-jam median <= create-vite median', `${jam.median} vs ${vite.median} ms`, jam.median <= vite.median)
      : g('create-jam median <= create-vite median', jam.status ?? vite?.status ?? 'n/a', false),
    !pkg.built ? g('tarball < 250 kB', pkg.status ?? 'not built', false)
      : pkg.size !== undefined ? g('tarball < 250 kB', `${kB(pkg.size)} kB`, pkg.size < TARBALL_LIMIT) : g('tarball < 250 kB', pkg.status ?? pkg.error, false),
    pkg.deps !== undefined ? g('0 runtime deps', String(pkg.deps), pkg.deps === 0) : g('0 runtime deps', pkg.status, false),
  ];
}

const ctx: Ctx = {
  tmp: mkdtempSync(join(tmpdir(), 'jam-bench-')),
  runs: Math.max(1, parseInt(opt.runs!, 10) || 10),
  jamBin: resolve(opt['create-jam']!),
  jamDir: resolve(dirname(opt['create-jam']!), '..'), // bin is <pkg>/dist/cli.mjs
  peers: PEERS.map((p) => ({ ...p })),
};
try {
  const results: Results = {
    meta: {
      date: new Date().toISOString(), node: process.version, npm: capture('npm', ['-v'], ctx.tmp).out.trim(),
      platform: `${process.platform} ${process.arch}`, nproc: availableParallelism(), cpu: cpus()[0]?.model, runs: ctx.runs, userAgent: USER_AGENT,
    },
  };
  for (const s of SECTIONS) results[s.name] = s.run(ctx);
  results.goals = goals(results);

  const m = results.meta;
  const md = [
    `# create-jam benchmark\n\n${m.date}, Node ${m.node}, npm ${m.npm}, ${m.nproc} cores (${m.cpu}), ${m.runs} runs per tool.`,
    ...SECTIONS.map((s) => s.md(results[s.name])),
    '## Goals\n\n' + table(['goal', 'value', 'result'], results.goals.map((g: Results) => [g.goal, g.value, g.pass ? 'PASS' : 'MISS'])),
  ].join('\n\n') + '\n';
  writeFileSync(join(import.meta.dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(import.meta.dirname, 'RESULTS.md'), md);
  console.log(md);
} finally {
  if (opt.keep) console.error(`kept ${ctx.tmp}`);
  else rmSync(ctx.tmp, { recursive: true, force: true });
}
