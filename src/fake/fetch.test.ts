import { Callab, CallabAbortError, CallabAuthenticationError } from '..';
import { createFakeFetch, DEFAULT_FAKE_API_KEY, defaultFixtures } from '.';

describe('createFakeFetch with the client', () => {
  const callab = new Callab({ apiKey: DEFAULT_FAKE_API_KEY, fetch: createFakeFetch() });

  it('answers every resource with the fake semantics, with no server', async () => {
    expect(await callab.contacts.query({ tags: ['vip'], source_names: ['referral'] })).toEqual(
      defaultFixtures.contacts.filter((c) => c.tag_name === 'vip' && c.source_name === 'referral'),
    );
    expect(await callab.campaigns.list({ limit: 2 })).toEqual(
      defaultFixtures.campaigns.slice(0, 2),
    );
    expect(await callab.phoneNumbers.list()).toEqual(defaultFixtures.phoneNumbers);
    expect(await callab.webhooks.list()).toEqual(defaultFixtures.webhookFlows);
  });

  it('answers raw, the typed openapi-fetch client, the same way', async () => {
    const { data } = await callab.raw.POST('/contact/query', { body: { tags: ['churn-risk'] } });
    expect(data?.status === 'ok' && data.data.map((c) => c.firstname)).toEqual(['Linus']);
  });

  it('refuses another key as the API does', async () => {
    const stranger = new Callab({ apiKey: 'wrong', fetch: createFakeFetch(), maxRetries: 0 });
    await expect(stranger.phoneNumbers.list()).rejects.toThrow(CallabAuthenticationError);
  });
});

describe('createFakeFetch as a fetch', () => {
  it('rejects like fetch with the reason of a signal aborted before the call', async () => {
    const fakeFetch = createFakeFetch();
    const reason = new DOMException('stop', 'AbortError');
    await expect(
      fakeFetch('https://api.callab.ai/phone_number', { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    const controller = new AbortController();
    controller.abort();
    const callab = new Callab({ apiKey: DEFAULT_FAKE_API_KEY, fetch: fakeFetch });
    await expect(callab.phoneNumbers.list({ signal: controller.signal })).rejects.toThrow(
      CallabAbortError,
    );
  });

  it('takes a Request, a URL or a string, whatever the host', async () => {
    const fakeFetch = createFakeFetch({ apiKey: 'k' });
    const init = { headers: { authorization: 'Bearer k' } };
    const answers = await Promise.all([
      fakeFetch(new Request('https://anything.example/phone_number', init)),
      fakeFetch(new URL('http://localhost/phone_number'), init),
      fakeFetch('https://api.callab.ai/phone_number', init),
    ]);
    expect(await Promise.all(answers.map(async (r) => (await r.json()).status))).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
  });
});
