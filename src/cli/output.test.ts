import { Writable } from 'node:stream';
import { Output } from './output';

/** A stream that accepts one chunk per tick, recording the most bytes ever buffered. */
function slowStream() {
  const received: string[] = [];
  let peakBuffered = 0;
  const stream = new Writable({
    highWaterMark: 8,
    write(chunk: Buffer, _encoding, done) {
      peakBuffered = Math.max(peakBuffered, stream.writableLength);
      received.push(chunk.toString());
      setImmediate(done);
    },
  });
  return { stream, received, peak: () => peakBuffered };
}

function failingStream(code: string) {
  return new Writable({
    write(_chunk, _encoding, done) {
      done(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
}

describe('Output', () => {
  it('writes every chunk in order and waits for drain instead of buffering everything', async () => {
    const { stream, received, peak } = slowStream();
    const chunks = Array.from({ length: 200 }, (_, i) => `row ${i}\n`);
    await new Output(stream).write(chunks);
    expect(received).toEqual(chunks);
    // Without waiting for 'drain' all 200 chunks would pile up in the stream's buffer.
    expect(peak()).toBeLessThan(3 * 'row 199\n'.length);
  });

  it('stops quietly when the reader has gone away (EPIPE)', async () => {
    const output = new Output(failingStream('EPIPE'));
    await output.write(['a', 'b', 'c']);
    await new Promise(setImmediate);
    expect(output.closed).toBe(true);
    await expect(output.write(['d'])).resolves.toBeUndefined();
  });

  it('reports any other stream failure', async () => {
    const output = new Output(failingStream('ENOSPC'));
    await expect(output.write(['a', 'b'])).rejects.toThrow('write ENOSPC');
  });
});
