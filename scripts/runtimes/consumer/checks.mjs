// The checks every runtime runs with the packed client against the fake API. Plain ESM with no
// import of its own: Node, Bun and Deno load it as is, and the browser page bundles it.

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * `client` is the package's main entry (`import * as client from 'callab-client'`). Resolves to
 * one { name, ok, detail? } per check; a check that throws is reported, not rethrown.
 */
export async function runChecks(client, { baseUrl, apiKey }) {
  const { Callab, CallabAuthenticationError } = client;
  const options = { apiKey, baseUrl, maxRetries: 0, dangerouslyAllowBrowser: true };
  const callab = new Callab(options);
  const checks = {
    async 'contacts.query with a filter'() {
      const all = await callab.contacts.query({});
      const vip = await callab.contacts.query({ tags: ['vip'] });
      assert(vip.length > 0 && vip.length < all.length, `${vip.length} of ${all.length} are vip`);
      assert(
        vip.every((contact) => contact.tag_name === 'vip'),
        'a contact without the tag matched',
      );
    },
    async 'campaigns.list with limit'() {
      const campaigns = await callab.campaigns.list({ limit: 2 });
      assert(campaigns.length === 2, `limit 2 returned ${campaigns.length}`);
    },
    async 'a wrong key throws CallabAuthenticationError'() {
      const wrongKey = 'wrong-key-for-runtime-check';
      const error = await new Callab({ ...options, apiKey: wrongKey }).phoneNumbers.list().then(
        () => undefined,
        (caught) => caught,
      );
      assert(error instanceof CallabAuthenticationError, `got ${error}`);
      assert(error.httpStatus === 401, `HTTP ${error.httpStatus}`);
      assert(
        !JSON.stringify({ ...error, message: error.message }).includes(wrongKey),
        'key leaked',
      );
    },
    async 'raw, loaded on first use'() {
      const { data, response } = await callab.raw.GET('/campaign/list', {
        params: { query: { limit: 1 } },
      });
      assert(response.status === 200, `HTTP ${response.status}`);
      assert(data?.data?.length === 1, `limit 1 returned ${data?.data?.length}`);
    },
    async 'validate: true'() {
      const numbers = await new Callab({ ...options, validate: true }).phoneNumbers.list();
      assert(numbers.length > 0, 'no phone numbers');
    },
  };
  const results = [];
  for (const [name, check] of Object.entries(checks)) {
    try {
      await check();
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, detail: String(error?.stack ?? error) });
    }
  }
  return results;
}
