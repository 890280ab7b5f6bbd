// A local npm registry for the release tests: verdaccio on loopback with storage of its own, anyone
// may publish, and no uplinks (it never proxies another registry: only what a test publishes is
// there). npm's own commands (create, exec, view, publish) run against it with a cache of their own
// (npx keeps the packages it ran by version, and another run's create-jam 0.1.1 is not this one's)
// and none of the suite's npm settings (`npm test` gives its children its npm_config_* settings);
// pnpm installs a project's packages from the real registry, where they are.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { repoRoot } from "../helpers.ts";
import { gitIdentity } from "./helpers.ts";
import { freePort, startServer } from "./serve.ts";

export async function startLocalRegistry(work: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  writeFileSync(
    join(work, "verdaccio.yaml"),
    `storage: ${join(work, "storage")}\nauth:\n  htpasswd:\n    file: ${join(work, "htpasswd")}\npackages:\n  "**":\n    access: $all\n    publish: $all\nlog: { type: stdout, format: pretty, level: warn }\n`,
  );
  writeFileSync(join(work, ".npmrc"), `//127.0.0.1:${port}/:_authToken=release-test\n`);
  const server = await startServer(join(repoRoot, "node_modules/.bin/verdaccio"), ["--config", join(work, "verdaccio.yaml"), "--listen", `127.0.0.1:${port}`], { cwd: work, port, devPortVariable: "VERDACCIO_PORT_UNUSED" });
  const ownEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))) as Record<string, string>;
  const npmEnv = () => ({ ...ownEnv(), ...gitIdentity, CI: "true", npm_config_registry: url, NPM_CONFIG_USERCONFIG: join(work, ".npmrc"), npm_config_cache: join(work, "npm-cache") });
  const run = (cmd: string, args: string[], cwd: string) => execa(cmd, args, { cwd, env: npmEnv(), extendEnv: false, reject: false, all: true, stdin: "ignore", timeout: 600_000 });
  /** Its stdout; fails with everything it printed. */
  const must = async (cmd: string, args: string[], cwd: string) => {
    const r = await run(cmd, args, cwd);
    if (r.exitCode !== 0) throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd} (exit ${r.exitCode}):\n${r.all}`);
    return r.stdout ?? "";
  };
  return { url, run, must, close: () => server.close() };
}
