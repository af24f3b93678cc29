/**
 * Child-process entry: a loopback HTTP server answering `POST /contact/query` with the same
 * pre-serialized body of `argv[2]` contacts (or, with `fake` as `argv[3]`, the fake server's
 * synthetic list, generated as it is sent), so the server's CPU never competes with the client
 * being measured and each response costs it only a socket write. Reports its port over IPC.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { syntheticEnvelopeText } from '../../src/fake/synthetic';
import { startFakeServer } from '../../src/testing/fake-server';
import { contactQueryBody } from './contacts';
import { API_KEY } from './raw-fetch';

export interface ServerReady {
  port: number;
  bodyBytes: number;
}

const contactCount = Number(process.argv[2]);
/** `fake`: the testing kit's fake server with that many synthetic contacts, made as they are sent. */
const fake = process.argv[3] === 'fake';
if (!Number.isInteger(contactCount) || contactCount < 0) {
  throw new Error(
    `server: expected a contact count as the first argument, got "${process.argv[2]}"`,
  );
}
if (fake) {
  startFakeServer({ apiKey: API_KEY, syntheticContacts: contactCount }).then((server) => {
    // The same text as the pre-serialized body: the fake serves the synthetic list unfiltered.
    let bodyBytes = 0;
    for (const text of syntheticEnvelopeText({ count: contactCount })) {
      bodyBytes += Buffer.byteLength(text);
    }
    const ready: ServerReady = { port: Number(new URL(server.url).port), bodyBytes };
    process.send?.(ready);
  });
} else {
  const body = contactQueryBody(contactCount);
  const notFound = Buffer.from('{"status":"error","message":"not found","data":""}');

  const server = createServer((request, response) => {
    const found = request.method === 'POST' && request.url === '/contact/query';
    const payload = found ? body : notFound;
    // Answer once the request body has been read, as a real server would.
    request.resume().on('end', () => {
      response.writeHead(found ? 200 : 404, {
        'content-type': 'application/json',
        'content-length': payload.length,
      });
      response.end(payload);
    });
  });

  server.listen(0, '127.0.0.1', () => {
    const ready: ServerReady = {
      port: (server.address() as AddressInfo).port,
      bodyBytes: body.length,
    };
    process.send?.(ready);
  });
}
// The orchestrator going away (normally or not) must not leave an orphan server behind.
process.on('disconnect', () => process.exit(0));
