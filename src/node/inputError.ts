/**
 * Bad input from outside (a file, a path, an argument): the message names it. The CLI turns it into
 * exit code 2; the main process shows it to the user. Never a failure of Relief itself.
 */
export class InputError extends Error {
  override name = 'InputError';
}
