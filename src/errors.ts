// Errors and the exit codes they map to: usage errors stop the run (2), input errors skip one input (1).

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

/** A bad command line: the run stops with exit code 2 and a one-line message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One input that could not be used; the run goes on and the file is counted as skipped. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly file: string,
    /** Short reason, used to group skips in the summary ("binary", "empty", "unreadable"...). */
    readonly reason: string,
    /** The message without the file name. */
    readonly detail: string = reason,
  ) {
    super(`${file}: ${detail}`);
  }
}
