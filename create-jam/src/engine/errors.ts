/** Exit codes the CLI promises (documented in --help and tested). */
export const EXIT = {
  ok: 0,
  /** Something failed while writing; nothing was left behind. */
  failed: 1,
  /** Bad input: nothing was written. */
  usage: 2,
  /** The project was written but install or git failed; the message says what to run by hand. */
  postStep: 3,
  interrupted: 130,
} as const;

/** An error the user caused or can fix: one sentence, then the fix. Printed without a stack trace. */
export class JamError extends Error {
  readonly fix?: string;
  readonly exitCode: number;
  constructor(message: string, fix?: string, exitCode: number = EXIT.usage) {
    super(message);
    this.fix = fix;
    this.exitCode = exitCode;
  }
}

export const cancelled = () => new JamError("Cancelled: nothing was written.", undefined, EXIT.interrupted);
