// The Firebase Auth emulator (firebase-tools, runs offline, no Java) started by a test on free
// ports, in a folder of its own with the firebase.json it needs; `close` ends it.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

export interface AuthEmulator {
  /** host:port, as FIREBASE_AUTH_EMULATOR_HOST takes it. */
  host: string;
  projectId: string;
  close(): Promise<void>;
}

/** `port`: the emulator's, when the test chose it beforehand (a page built with its address). */
export async function startAuthEmulator(projectId = "demo-jam", port?: number): Promise<AuthEmulator> {
  const [auth, hub, logging] = [port || (await freePort()), await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), "jam-firebase-"));
  writeFileSync(join(dir, "firebase.json"), JSON.stringify({ emulators: { auth: { host: "127.0.0.1", port: auth }, hub: { host: "127.0.0.1", port: hub }, logging: { host: "127.0.0.1", port: logging }, ui: { enabled: false } } }));
  const bin = join(import.meta.dirname, "../node_modules/.bin/firebase");
  const child: ChildProcess = spawn(bin, ["emulators:start", "--only", "auth", "--project", projectId], { cwd: dir, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CI: "true" } });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const host = `127.0.0.1:${auth}`;
  const close = async () => {
    try {
      process.kill(-(child.pid as number), "SIGTERM");
    } catch {} // gone already
    await new Promise((r) => setTimeout(r, 300));
    try {
      process.kill(-(child.pid as number), "SIGKILL");
    } catch {}
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Firebase Auth emulator exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`http://${host}/`).then(() => true, () => false);
    if (up && output.includes("All emulators ready")) return { host, projectId, close };
    await new Promise((r) => setTimeout(r, 250));
  }
  await close();
  throw new Error(`the Firebase Auth emulator did not start within 60 s:\n${output}`);
}
