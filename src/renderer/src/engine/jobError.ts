/** A job that did not finish, whichever host ran it; `invalidInput` when the payload was rejected. */
export class EngineJobError extends Error {
  constructor(
    message: string,
    readonly invalidInput = false,
  ) {
    super(message);
    this.name = 'EngineJobError';
  }
}
