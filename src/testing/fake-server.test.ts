/** What only the node:http adapter has: a port, and a close() that ends open connections. */
import { connect } from 'node:net';
import { DEFAULT_FAKE_API_KEY, startFakeServer } from './index';

describe('startFakeServer', () => {
  it('listens on a free loopback port and accepts the default key', async () => {
    const server = await startFakeServer();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.apiKey).toBe(DEFAULT_FAKE_API_KEY);
      const response = await fetch(`${server.url}/phone_number`, {
        headers: { authorization: `Bearer ${server.apiKey}` },
      });
      expect((await response.json()).status).toBe('ok');
    } finally {
      await server.close();
    }
  });

  it('reports a port already in use instead of hanging', async () => {
    const first = await startFakeServer();
    try {
      const port = Number(new URL(first.url).port);
      await expect(startFakeServer({ port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });

  it('close() ends open connections, even mid-request, so the process can exit', async () => {
    const server = await startFakeServer();
    const { hostname, port } = new URL(server.url);
    // A request whose body never comes: only closeAllConnections() lets close() finish.
    const socket = connect(Number(port), hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const socketClosed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // The server resets the connection: that is the point, not a failure.
    socket.on('error', () => undefined);
    socket.write(
      `POST /contact/query HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n`,
    );
    await server.close();
    await socketClosed;
    await expect(fetch(`${server.url}/phone_number`)).rejects.toThrow();
  });
});
