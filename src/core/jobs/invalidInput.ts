/** Bad input found by a job (payload or experiment): exit code 2 in the CLI, a field error in the app. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}
