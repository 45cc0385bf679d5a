/** Exit codes: 0 ok, 2 bad input (the user's file or arguments), 1 any other failure. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
