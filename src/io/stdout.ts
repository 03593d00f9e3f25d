// Writing results to stdout: waits when the pipe is full, and ends quietly when the reader has gone (`| head`).
import { once } from 'node:events';

let closed = false;

/** Installs the broken-pipe handler: when the reader of stdout goes away the process exits 0, silently. */
export function exitQuietlyOnBrokenPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      process.exit(0);
    }
    throw error;
  });
}

/** Writes a chunk, waiting for the stream to drain when its buffer is full. */
export async function write(chunk: string, stream: NodeJS.WritableStream = process.stdout): Promise<void> {
  if (closed) return;
  if (!stream.write(chunk)) await once(stream, 'drain');
}
