// A terminal for the CLI: util-linux `script` gives it a real PTY, and the test types only after the
// prompt it expects is on screen, so nothing depends on timing.
import { spawn } from "node:child_process";
import { bin } from "../helpers.ts";

export const KEY = { enter: "\r", up: "\x1b[A", down: "\x1b[B", space: " ", ctrlC: "\x03" };

export function startInteractive(args: string[], cwd: string, { cols = 120 }: { cols?: number } = {}) {
  const command = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  // A PTY made by `script` without a terminal of its own has 0 columns: give it a size first.
  const child = spawn("script", ["-qfec", `stty cols ${cols} rows 40 && exec ${command}`, "/dev/null"], { cwd, env: { ...process.env, CI: "", TERM: "xterm" } });
  let screen = "";
  child.stdout.on("data", (d) => (screen += d));
  const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escape codes are what is stripped.
  const plain = () => screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
  return {
    plain,
    exited,
    /** Waits until `text` appears near or after everything seen so far (a long prompt may already be drawn), then types `keys`. */
    async answer(text: string | RegExp, keys: string) {
      const from = plain().length;
      const deadline = Date.now() + 15_000;
      const seen = () => {
        const rest = plain().slice(from === 0 ? 0 : from - 5000);
        return typeof text === "string" ? rest.includes(text) : text.test(rest);
      };
      while (!seen()) {
        if (Date.now() > deadline) throw new Error(`never saw ${text}; screen:\n${plain()}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      child.stdin.write(keys);
    },
  };
}
