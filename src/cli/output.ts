/**
 * Writes chunks to stdout, waiting for 'drain' when the stream's buffer is full, and treats a
 * reader that went away (`callab ... | head`, EPIPE) as a normal end rather than a crash.
 */
import type { Writable } from 'node:stream';

export class Output {
  private readerGone = false;
  private failure: Error | undefined;

  constructor(private readonly stream: Writable) {
    // Without a listener an 'error' event would crash the process. EPIPE can also arrive after
    // the last write (asynchronous pipes, as on macOS), so the listener stays for good.
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.readerGone = true;
      else this.failure = error;
    });
  }

  /** True once the reader has closed the pipe; later writes are dropped. */
  get closed(): boolean {
    return this.readerGone || this.stream.destroyed;
  }

  /** Writes every chunk in order; rejects if stdout fails for any reason other than EPIPE. */
  async write(chunks: Iterable<string>): Promise<void> {
    for (const chunk of chunks) {
      if (this.failure) throw this.failure;
      if (this.closed) return;
      if (!this.stream.write(chunk)) await this.drained();
    }
    if (this.failure) throw this.failure;
  }

  /** Resolves on 'drain', or on 'close' when an error (recorded above) destroyed the stream. */
  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
    });
  }
}
