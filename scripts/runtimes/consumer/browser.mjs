// The browser page's script: the fake API is proxied at /api on the page's own origin, and the
// key comes in the query string. The runner reads window.callabChecks.
import * as client from 'callab-client';
import { runChecks } from './checks.mjs';

window.callabChecks = runChecks(client, {
  baseUrl: `${location.origin}/api`,
  apiKey: new URLSearchParams(location.search).get('key'),
});
