// Writing results to stdout: waits when the pipe is full, ends quietly when the reader has gone (`| head`),
// and says in one line when the output cannot be written (disk full).
import { once } from 'node:events';
import { EXIT_SOME_FAILED } from '../errors.js';
import { describeFsError } from './find.js';

let closed = false;

/** Installs the stdout error handler: exit 0 silently when the reader went away, else one line on stderr and exit 1. */
export function exitQuietlyOnBrokenPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    closed = true;
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(0);
    const debug = process.argv.includes('--debug') ? `\n${error.stack}` : '';
    process.stderr.write(`mine: cannot write the output: ${describeFsError(error)}${debug}\n`);
    process.exit(EXIT_SOME_FAILED);
  });
}

/** Writes a chunk, waiting for the stream to drain when its buffer is full. */
export async function write(chunk: string | Uint8Array, stream: NodeJS.WritableStream = process.stdout): Promise<void> {
  if (closed) return;
  if (!stream.write(chunk)) await once(stream, 'drain');
}
