// Benchmark create-jam against create-vite and create-next-app, and measure the sites it generates.
// Run: node bench/run.ts [SECTION...] [--runs N] [--create-jam PATH] [--frameworks a,b] [--keep]   (sections: install generate size sites content commerce)
// Each section is a small function returning plain data; results are merged under the section name
// into bench/results.json, so running some sections (`npm run bench -- sites`) keeps the others' figures.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureSystemTools } from '../scripts/system-tools.mjs';
import {
  USER_AGENT, binOf, capture, countFiles, depCount, lighthouseScores, pack, pageWeight, peakRssKB, resolveVersion, stats, table, timed,
} from './lib.ts';

const { values: opt, positionals: only } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'), // `pnpm bench -- --runs 3` forwards the `--`
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '10' },
    'create-jam': { type: 'string', default: join(import.meta.dirname, '../create-jam/dist/cli.mjs') },
    keep: { type: 'boolean', default: false },
    frameworks: { type: 'string' }, // sites: only these framework ids (default: every framework in the registry)
    'lighthouse-runs': { type: 'string', default: '3' }, // sites: Lighthouse runs per preset; the median run is reported
  },
});

type Peer = { name: string; want: string; args: string[]; version?: string; dir?: string; bin?: string };
type Ctx = { tmp: string; runs: number; jamBin: string; jamDir: string; peers: Peer[]; frameworks?: string[]; lighthouseRuns: number };
type Results = Record<string, any>;
type Section = { name: string; run: (ctx: Ctx) => Results | Promise<Results>; md: (r: Results) => string; needs?: string[] };

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
// The richest stack the registry allows: a module of every kind (issue 12's second goal).
const JAM_RICHEST_ARGS = ['my-site', '--framework', 'astro', '--rendering', 'hybrid', '--content', 'sanity', '--commerce', 'stripe', '--auth', 'auth0',
  '--backend', 'supabase', '--search', 'algolia', '--deploy', 'vercel,netlify', '--no-install', '--no-git'];
// Goals as ratios of create-vite's median in the same run.
const DEFAULT_GOAL = 1.0;
const RICHEST_GOAL = 1.5;
const TARBALL_LIMIT = 250_000; // bytes (250 kB)
// Home-page JavaScript (raw bytes) of each framework's own bare starter blog, measured on this machine
// kind in the same Chromium (../shared/guide/anchors.md, 2026-11-23): a generated site aims at no more.
const STARTER_JS: Record<string, number> = { next: 465_610, astro: 0, nuxt: 191_326, sveltekit: 89_416, gatsby: 202_260, eleventy: 0, hugo: 0 };
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
  if (existsSync(ctx.jamBin)) tools.push({ name: 'create-jam', args: [ctx.jamBin, ...JAM_ARGS] }, { name: 'create-jam (richest stack)', args: [ctx.jamBin, ...JAM_RICHEST_ARGS] });

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

// The framework's package as installed (SvelteKit's is a dev dependency), or Hugo's binary.
function frameworkVersion(id: string, web: string): string | undefined {
  if (id === 'hugo') return /v(\d+\.\d+\.\d+)/.exec(capture(process.env.HUGO_BIN || 'hugo', ['version'], web).out)?.[1];
  const pkg = { next: 'next', astro: 'astro', nuxt: 'nuxt', sveltekit: '@sveltejs/kit', gatsby: 'gatsby', eleventy: '@11ty/eleventy' }[id];
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(web, 'package.json'), 'utf8'));
  return pkg ? (dependencies[pkg] ?? devDependencies[pkg]) : undefined;
}

// Debian's Chromium with a debugging port for Lighthouse to drive.
async function lighthouseChromium() {
  const { chromium } = await import('playwright-core');
  const { freePort } = await import('../tests/e2e/serve.ts');
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: process.env.JAM_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`],
  });
  // Lighthouse's own connection to this Chromium can keep close() waiting forever: give it 10 s,
  // then the browser goes when this process exits (Playwright's pipe to it closes).
  const close = () => Promise.race([browser.close(), new Promise((ok) => setTimeout(ok, 10_000).unref())]);
  return { browser, port, close };
}

// One page's weight as served, then Lighthouse's median on the mobile and desktop presets.
async function measurePage(browser: Awaited<ReturnType<typeof lighthouseChromium>>['browser'], port: number, url: string, runs: number) {
  const page = await pageWeight(browser, url);
  const mobile = await lighthouseScores(url, port, 'mobile', runs);
  const desktop = await lighthouseScores(url, port, 'desktop', runs);
  return { page, mobile, desktop };
}

// Every framework create-jam offers, as a user gets it (`--yes` defaults otherwise), installed and built,
// then its static output served on localhost and loaded in Debian's Chromium: the home page's bytes
// and Lighthouse's four scores, mobile (its default) and desktop. One run each: this is the slow section.
async function sites(ctx: Ctx): Promise<Results> {
  const problem = ensureSystemTools();
  if (problem) return { status: 'failed', error: problem };
  const { registry } = await import('../create-jam/src/engine/registry.ts');
  const { serveStatic } = await import('../tests/e2e/serve.ts');
  const { browser, port, close } = await lighthouseChromium();
  const { default: lhPkg } = await import('lighthouse/package.json', { with: { type: 'json' } });
  const out: Results = { date: new Date().toISOString(), node: process.version, chromium: browser.version(), lighthouse: lhPkg.version, lighthouseRuns: ctx.lighthouseRuns, frameworks: {} };
  const parent = join(ctx.tmp, 'sites');
  mkdirSync(parent, { recursive: true });
  try {
    for (const m of registry.filter((m) => m.kind === 'framework' && (!ctx.frameworks || ctx.frameworks.includes(m.id)))) {
      const id = m.id, site = join(parent, id), log = join(ctx.tmp, `site-${id}.log`);
      const args = [ctx.jamBin, id, '--yes', '--framework', id, '--install', '--no-git'];
      const fail = (step: string, error?: string) => { out.frameworks[id] = { label: m.label, status: `${step} failed`, error }; console.error(`sites ${id}: ${step} failed: ${error}`); };
      const gen = timed(process.execPath, args, parent, log, 900_000);
      if (!gen.ok) { fail('generate + install', gen.error); continue; }
      const build = timed('pnpm', ['build'], site, log, 900_000);
      if (!build.ok) { fail('build', build.error); continue; }
      const outDir = join('apps/web', String(m.data?.outDir));
      const version = frameworkVersion(id, join(site, 'apps/web'));
      let server: { url: string; close: () => Promise<void> } | undefined;
      try {
        server = await serveStatic(join(site, outDir));
        const { page, mobile, desktop } = await measurePage(browser, port, `${server.url}/`, ctx.lighthouseRuns);
        out.frameworks[id] = { label: m.label, version, outDir, generateInstallMs: Math.round(gen.ms), buildMs: Math.round(build.ms), page, lighthouse: { mobile, desktop } };
        console.error(`sites ${id}: JS ${page.jsBytes} B (${page.jsGzip} gzip), all ${page.totalBytes} B; mobile ${mobile.performance}/${mobile.accessibility}/${mobile.bestPractices}/${mobile.seo}, desktop ${desktop.performance}/${desktop.accessibility}/${desktop.bestPractices}/${desktop.seo}`);
      } catch (e) {
        fail('measure', (e as Error).message);
      } finally {
        await server?.close();
      }
    }
  } finally {
    await close();
  }
  return out;
}

// A product page per commerce provider, in the default stack (Astro, static) built with the
// provider's (test) key so the page carries its real Buy control: the JavaScript the page loads
// before the visitor acts (the goal is none: Stripe's is a form, Snipcart loads on the reach for
// the cart) and Lighthouse's four scores on both presets.
const SELLING_ENV: Record<string, Record<string, string>> = {
  stripe: { STRIPE_SECRET_KEY: 'sk_test_bench' },
  snipcart: { PUBLIC_SNIPCART_API_KEY: 'pk_test_bench' },
};

async function commerce(ctx: Ctx): Promise<Results> {
  const problem = ensureSystemTools();
  if (problem) return { status: 'failed', error: problem };
  const { registry } = await import('../create-jam/src/engine/registry.ts');
  const { serveStatic } = await import('../tests/e2e/serve.ts');
  const { browser, port, close } = await lighthouseChromium();
  const out: Results = { date: new Date().toISOString(), node: process.version, chromium: browser.version(), lighthouseRuns: ctx.lighthouseRuns, providers: {} };
  const parent = join(ctx.tmp, 'commerce');
  mkdirSync(parent, { recursive: true });
  try {
    for (const m of registry.filter((m) => m.kind === 'commerce')) {
      const id = m.id, dir = join(parent, id), site = join(dir, 'site'), log = join(ctx.tmp, `commerce-${id}.log`);
      mkdirSync(dir);
      const fail = (step: string, error?: string) => { out.providers[id] = { label: m.label, status: `${step} failed`, error }; console.error(`commerce ${id}: ${step} failed: ${error}`); };
      const gen = timed(process.execPath, [ctx.jamBin, 'site', '--yes', '--commerce', id, '--install', '--no-git'], dir, log, 900_000);
      if (!gen.ok) { fail('generate + install', gen.error); continue; }
      const build = timed('pnpm', ['build'], site, log, 900_000, SELLING_ENV[id] ?? {});
      if (!build.ok) { fail('build', build.error); continue; }
      let server: { url: string; close: () => Promise<void> } | undefined;
      try {
        server = await serveStatic(join(site, 'apps/web/dist'));
        const { page, mobile, desktop } = await measurePage(browser, port, `${server.url}/products/jam-jar-mug/`, ctx.lighthouseRuns);
        out.providers[id] = { label: m.label, generateInstallMs: Math.round(gen.ms), buildMs: Math.round(build.ms), page, lighthouse: { mobile, desktop } };
        console.error(`commerce ${id}: product page JS ${page.jsBytes} B, all ${page.totalBytes} B; mobile ${scores(mobile)}, desktop ${scores(desktop)}`);
      } catch (e) {
        fail('measure', (e as Error).message);
      } finally {
        await server?.close();
      }
    }
  } finally {
    await close();
  }
  return out;
}

function commerceMd(r: Results): string {
  if (!r.providers) return `## Product pages\n\n${r.status}: ${r.error}`;
  const rows = Object.entries(r.providers).map(([id, v]: [string, any]) => !v.lighthouse
    ? [v.label ?? id, v.status, '', '', '', '', '']
    : [v.label, `${v.page.jsFiles}: ${n(v.page.jsBytes)}`, `${v.page.requests}: ${n(v.page.totalBytes)} / ${n(v.page.totalGzip)}`, scores(v.lighthouse.mobile), scores(v.lighthouse.desktop),
      (v.generateInstallMs / 1000).toFixed(1), (v.buildMs / 1000).toFixed(1)]);
  const lost = Object.entries(r.providers).flatMap(([id, v]: [string, any]) => v.lighthouse
    ? [`- ${v.label}: ${[...new Set([...v.lighthouse.mobile.lost, ...v.lighthouse.desktop.lost])].join(', ') || 'nothing'}`] : []);
  return `## Product pages (\`--yes --commerce ID\`: Astro, static; built with a test key, /products/jam-jar-mug/ served locally)\n\n${r.date}, Node ${r.node}, Chromium ${r.chromium}; Lighthouse's median of ${r.lighthouseRuns ?? 1} run(s) per preset. JavaScript is what the page fetches before the visitor acts.\n\n`
    + table(['provider', 'JS files: bytes before interaction', 'requests: all raw / gzip bytes', 'Lighthouse mobile perf/a11y/bp/seo', 'desktop', 'generate + install s', 'build s'], rows)
    + `\n\nAudits that cost points:\n${lost.join('\n')}`;
}

// A product page loads no JavaScript before the visitor acts, and scores 100 everywhere.
function commerceGoals(r: Results | undefined): Results[] {
  return Object.entries(r?.providers ?? {}).flatMap(([id, v]: [string, any]) => {
    if (!v.lighthouse) return [g(`${v.label ?? id} product page: measured`, v.status, false)];
    const all = [v.lighthouse.mobile, v.lighthouse.desktop].flatMap((l) => [l.performance, l.accessibility, l.bestPractices, l.seo]);
    return [
      g(`${v.label} product page: 0 B of JavaScript before interaction`, `${n(v.page.jsBytes)} B`, v.page.jsBytes === 0),
      g(`${v.label} product page: Lighthouse 100 everywhere (mobile, desktop)`, `${scores(v.lighthouse.mobile)}, ${scores(v.lighthouse.desktop)}`, all.every((x) => x === 100)),
    ];
  });
}

// Every content source in the default stack (Astro, static), as a user gets it before any account:
// generated and installed, built with the bundled demo content, then its client output (what a
// browser can fetch: apps/web/dist) beside the Markdown stack's. A CMS is read at build time, so
// it should add nothing there; what it costs is install and build time.
function filesIn(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => { const path = join(e.parentPath, e.name); return { path, bytes: statSync(path).size }; });
}

async function content(ctx: Ctx): Promise<Results> {
  const { registry } = await import('../create-jam/src/engine/registry.ts');
  const out: Results = { date: new Date().toISOString(), node: process.version, sources: {} };
  const parent = join(ctx.tmp, 'content');
  mkdirSync(parent, { recursive: true });
  for (const m of registry.filter((m) => m.kind === 'content')) {
    // One project name for all: the name is the site's title, in every page.
    const id = m.id, dir = join(parent, id), site = join(dir, 'site'), log = join(ctx.tmp, `content-${id}.log`);
    mkdirSync(dir);
    const gen = timed(process.execPath, [ctx.jamBin, 'site', '--yes', '--content', id, '--install', '--no-git'], dir, log, 900_000);
    if (!gen.ok) { out.sources[id] = { label: m.label, status: 'generate + install failed', error: gen.error }; continue; }
    const build = timed('pnpm', ['build'], site, log, 900_000);
    if (!build.ok) { out.sources[id] = { label: m.label, status: 'build failed', error: build.error }; continue; }
    const files = filesIn(join(site, 'apps/web/dist'));
    const js = files.filter((f) => /\.m?js$/.test(f.path));
    out.sources[id] = {
      label: m.label, generateInstallMs: Math.round(gen.ms), buildMs: Math.round(build.ms),
      clientFiles: files.length, clientBytes: files.reduce((a, f) => a + f.bytes, 0), clientJsBytes: js.reduce((a, f) => a + f.bytes, 0),
    };
    console.error(`content ${id}: install ${(gen.ms / 1000).toFixed(1)} s, build ${(build.ms / 1000).toFixed(1)} s, client ${files.length} files ${out.sources[id].clientBytes} B (JS ${out.sources[id].clientJsBytes} B)`);
  }
  return out;
}

function contentMd(r: Results): string {
  const md = r.sources?.markdown;
  const rows = Object.entries(r.sources ?? {}).map(([id, v]: [string, any]) => v.buildMs === undefined
    ? [v.label ?? id, v.status, '', '', '', '']
    : [v.label, (v.generateInstallMs / 1000).toFixed(1), (v.buildMs / 1000).toFixed(1), `${v.clientFiles}: ${n(v.clientBytes)}`, n(v.clientJsBytes),
      md?.clientBytes === undefined ? '' : `${v.clientBytes - md.clientBytes >= 0 ? '+' : ''}${n(v.clientBytes - md.clientBytes)}`]);
  return `## Content sources (\`--yes --content ID\`: Astro, static; built with the bundled demo content)\n\n${r.date}, Node ${r.node}; one run each, in this order (later installs reuse pnpm's store).\n\n`
    + table(['content', 'generate + install s', 'build s', 'client files: bytes', 'client JS bytes', 'client bytes vs Markdown'], rows);
}

const n = (x: number) => x.toLocaleString('en-US');
const scores = (l: Results) => `${l.performance}/${l.accessibility}/${l.bestPractices}/${l.seo}`;
function sitesMd(r: Results): string {
  if (!r.frameworks) return `## Generated sites in a browser\n\n${r.status}: ${r.error}`;
  const rows = Object.entries(r.frameworks).map(([id, v]: [string, any]) => v.page === undefined
    ? [`${v.label ?? id}`, v.status, '', '', '', '', '', '', '']
    : [`${v.label} ${v.version ?? ''}`.trim(), `${v.page.jsFiles}: ${n(v.page.jsBytes)} / ${n(v.page.jsGzip)}`, STARTER_JS[id] === undefined ? '' : n(STARTER_JS[id]), `${v.page.requests}: ${n(v.page.totalBytes)} / ${n(v.page.totalGzip)}`,
      scores(v.lighthouse.mobile), scores(v.lighthouse.desktop), `${v.lighthouse.mobile.fcpMs}/${v.lighthouse.mobile.lcpMs}/${v.lighthouse.mobile.tbtMs}`,
      (v.generateInstallMs / 1000).toFixed(1), (v.buildMs / 1000).toFixed(1)]);
  const lost = Object.entries(r.frameworks).flatMap(([id, v]: [string, any]) => v.lighthouse
    ? [`- ${v.label}: ${[...new Set([...v.lighthouse.mobile.lost, ...v.lighthouse.desktop.lost])].join(', ') || 'nothing'}`] : []);
  return `## Generated sites in a browser (\`--yes --framework ID\`, static output served locally)\n\n`
    + `${r.date}, Node ${r.node}, Chromium ${r.chromium}, Lighthouse ${r.lighthouse}; one build each, Lighthouse's median of ${r.lighthouseRuns ?? 1} run(s) per preset. Home page only; bytes are bodies as served (raw) and gzipped (level 6). `
    + `Mobile performance simulates a 4x slower CPU, so it moves with the machine's speed and load (Lighthouse's benchmark index of this machine, higher is faster: ${[...new Set(Object.values(r.frameworks).map((v: any) => v.lighthouse?.mobile?.benchmarkIndex).filter(Boolean))].join(', ') || 'not recorded'}): compare within one run. Starter JS: the framework's own bare starter blog (../shared/guide/anchors.md).\n\n`
    + table(['framework', 'JS files: raw / gzip bytes', 'starter JS raw', 'requests: all raw / gzip bytes', 'Lighthouse mobile perf/a11y/bp/seo', 'desktop', 'mobile FCP/LCP/TBT ms', 'generate + install s', 'build s'], rows)
    + `\n\nAudits that cost points:\n${lost.join('\n')}`;
}

const SECTIONS: Section[] = [
  {
    name: 'install', run: install,
    md: (r) => '## Cold `npm install` (1 run, empty cache)\n\n' + table(['tool', 'version', 'ms'], Object.entries(r).map(([k, v]) => [k, v.version, v.error ? 'failed' : v.ms])),
  },
  {
    name: 'generate', run: generate, needs: ['install'],
    md: (r) => {
      const base = r['create-vite']?.median;
      const rows = Object.entries(r).map(([k, v]: [string, any]) => v.median === undefined
        ? [k, v.status, '', '', '', '']
        : [k, v.median, v.min, base ? (v.median / base).toFixed(2) : '', v.files, v.peakRssKB ? (v.peakRssKB / 1024).toFixed(0) : '']);
      return '## Generate a project (no install, no git)\n\n' + table(['tool', 'median ms', 'min ms', 'ratio to create-vite', 'files written', 'peak RSS MB'], rows);
    },
  },
  {
    name: 'size', run: size, needs: ['install'],
    md: (r) => '## Package size (`npm pack --dry-run`)\n\n' + table(['package', 'tarball kB', 'unpacked kB', 'files', 'runtime deps'],
      Object.entries(r).map(([k, v]: [string, any]) => v.size === undefined ? [k, v.status ?? v.error, '', '', v.deps ?? '']
        : [v.built === false ? `${k} (not built)` : k, kB(v.size), kB(v.unpackedSize), v.entryCount, v.deps])),
  },
  { name: 'sites', run: sites, md: sitesMd },
  { name: 'content', run: content, md: contentMd },
  { name: 'commerce', run: commerce, md: commerceMd },
];

const g = (goal: string, value: string, pass: boolean) => ({ goal, value, pass });

// Per generated site: Lighthouse 100 in each category on both presets, and no more home-page JavaScript
// than the framework's own starter.
function siteGoals(r: Results | undefined): Results[] {
  return Object.entries(r?.frameworks ?? {}).flatMap(([id, v]: [string, any]) => {
    if (!v.lighthouse) return [g(`${v.label ?? id}: measured`, v.status, false)];
    const all = [v.lighthouse.mobile, v.lighthouse.desktop].flatMap((l) => [l.performance, l.accessibility, l.bestPractices, l.seo]);
    const starter = STARTER_JS[id];
    return [
      g(`${v.label}: Lighthouse 100 everywhere (mobile, desktop)`, `${scores(v.lighthouse.mobile)}, ${scores(v.lighthouse.desktop)}`, all.every((x) => x === 100)),
      ...(starter === undefined ? [] : [g(`${v.label}: home JS <= its starter's`, `${n(v.page.jsBytes)} vs ${n(starter)} B`, v.page.jsBytes <= starter)]),
    ];
  });
}

// Goals of the peer comparison (when its sections have figures) and of every measured site.
function goals(r: Results): Results[] {
  return [...(r.generate && r.size ? peerGoals(r) : []), ...siteGoals(r.sites), ...contentGoals(r.content), ...commerceGoals(r.commerce)];
}

// A CMS is read at build time: its stack's client output is the Markdown stack's, byte for byte in size.
function contentGoals(r: Results | undefined): Results[] {
  const md = r?.sources?.markdown;
  if (!md?.clientBytes) return [];
  return Object.entries(r!.sources).filter(([id]) => id !== 'markdown').map(([id, v]: [string, any]) => v.clientBytes === undefined
    ? g(`${v.label ?? id}: client output = Markdown's`, v.status, false)
    : g(`${v.label}: client output = Markdown's`, `${n(v.clientBytes)} vs ${n(md.clientBytes)} B, JS ${n(v.clientJsBytes)} B`, v.clientBytes === md.clientBytes && v.clientJsBytes === md.clientJsBytes));
}

function peerGoals(r: Results): Results[] {
  const jam = r.generate['create-jam'], rich = r.generate['create-jam (richest stack)'], vite = r.generate['create-vite'], pkg = r.size['create-jam'];
  const ratioGoal = (what: string, tool: Results | undefined, limit: number) => {
    const goal = `${what}: median <= ${limit.toFixed(1)}x create-vite's`;
    return tool?.median !== undefined && vite?.median !== undefined
      ? g(goal, `${(tool.median / vite.median).toFixed(2)}x (${tool.median} vs ${vite.median} ms)`, tool.median <= limit * vite.median)
      : g(goal, tool?.status ?? vite?.status ?? 'n/a', false);
  };
  return [
    ratioGoal('create-jam, default stack', jam, DEFAULT_GOAL),
    ratioGoal('create-jam, richest stack', rich, RICHEST_GOAL),
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
  frameworks: opt.frameworks?.split(',').map((f) => f.trim()),
  lighthouseRuns: Math.max(1, parseInt(opt['lighthouse-runs']!, 10) || 3),
};
const unknown = only.filter((name) => !SECTIONS.some((s) => s.name === name));
if (unknown.length) {
  console.error(`bench: no section ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.name).join(' ')}`);
  process.exit(2);
}
const wanted = new Set(only.length ? only.flatMap((name) => [...(SECTIONS.find((s) => s.name === name)!.needs ?? []), name]) : SECTIONS.map((s) => s.name));
const resultsFile = join(import.meta.dirname, 'results.json');
try {
  // Sections not run this time keep their last figures.
  const results: Results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
  const meta = {
    date: new Date().toISOString(), node: process.version, npm: capture('npm', ['-v'], ctx.tmp).out.trim(),
    platform: `${process.platform} ${process.arch}`, nproc: availableParallelism(), cpu: cpus()[0]?.model, runs: ctx.runs, userAgent: USER_AGENT,
  };
  // meta describes the peer comparison (install, generate, size); "sites" records its own date and versions.
  if (!results.meta || [...wanted].some((name) => !['sites', 'content', 'commerce'].includes(name))) results.meta = meta;
  for (const s of SECTIONS.filter((s) => wanted.has(s.name))) {
    const previous = results[s.name];
    results[s.name] = await s.run(ctx);
    // `sites --frameworks a,b` measures only those: the other frameworks keep their last figures.
    if (s.name === 'sites' && ctx.frameworks && previous?.frameworks && results.sites.frameworks) {
      results.sites.frameworks = { ...previous.frameworks, ...results.sites.frameworks };
    }
  }
  results.goals = goals(results);

  const m = results.meta;
  const md = [
    `# create-jam benchmark\n\n${m.date}, Node ${m.node}, npm ${m.npm}, ${m.nproc} cores (${m.cpu}), ${m.runs} runs per tool.`,
    ...SECTIONS.filter((s) => results[s.name]).map((s) => s.md(results[s.name])),
    '## Goals\n\n' + table(['goal', 'value', 'result'], results.goals.map((g: Results) => [g.goal, g.value, g.pass ? 'PASS' : 'MISS'])),
  ].join('\n\n') + '\n';
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(import.meta.dirname, 'RESULTS.md'), md);
  console.log(md);
} finally {
  if (opt.keep) console.error(`kept ${ctx.tmp}`);
  else rmSync(ctx.tmp, { recursive: true, force: true });
}
// Nothing is left to wait for: a browser that would not close must not keep the bench running.
process.exit(process.exitCode ?? 0);
