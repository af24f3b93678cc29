// `<runtime> run-checks.mjs [baseUrl apiKey]` prints the checks' results as one JSON line.
// Without arguments (Node only) it starts the fake server itself from callab-client/testing.
import * as client from 'callab-client';
import { runChecks } from './checks.mjs';

const [baseUrl, apiKey] = process.argv.slice(2);
let target = { baseUrl, apiKey };
let fake;
if (baseUrl === undefined) {
  const { startFakeServer } = await import('callab-client/testing');
  fake = await startFakeServer();
  target = { baseUrl: fake.url, apiKey: fake.apiKey };
}
try {
  console.log(JSON.stringify(await runChecks(client, target)));
} finally {
  await fake?.close();
}
