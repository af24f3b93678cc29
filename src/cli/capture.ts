/** A stdout or stderr for the CLI in-process (tests, the docs' session replay): keeps what it is written. */
import { Writable } from 'node:stream';

export class Capture extends Writable {
  text = '';
  constructor(readonly isTTY = false) {
    super();
  }
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}
