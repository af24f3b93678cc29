import { Callab, CallabAuthenticationError, CallabRateLimitError } from '../index';
import { defaultFixtures, startFakeServer, startMockServer } from './index';

// The code under test: a team's own function that uses the client.
async function contactsToCallBack(callab: Callab): Promise<string[]> {
  const contacts = await callab.contacts.query({ last_call_statuses: ['busy', 'no-answer'] });
  return contacts.map((contact) => `${contact.firstname} ${contact.lastname}`);
}

describe('contactsToCallBack, against the fake server', () => {
  it('lists the contacts whose last call did not get through', async () => {
    const server = await startFakeServer(); // the default fixtures, key `fake-api-key`
    try {
      const callab = new Callab({ apiKey: server.apiKey, baseUrl: server.url });
      expect(await contactsToCallBack(callab)).toEqual(['Ada Lovelace', 'Katherine Johnson']);
    } finally {
      await server.close();
    }
  });

  it('serves your own fixtures', async () => {
    const [ada] = defaultFixtures.contacts;
    const server = await startFakeServer({
      contacts: ada ? [{ ...ada, last_call_status: 'busy' }] : [],
      apiKey: 'team-test-key',
    });
    try {
      const callab = new Callab({ apiKey: 'team-test-key', baseUrl: server.url });
      expect(await contactsToCallBack(callab)).toEqual(['Ada Lovelace']);
      const stranger = new Callab({ apiKey: 'wrong-key', baseUrl: server.url });
      await expect(contactsToCallBack(stranger)).rejects.toThrow(CallabAuthenticationError);
    } finally {
      await server.close();
    }
  });
});

describe('error handling, against the Prism mock of the bundled spec', () => {
  it('surfaces a rate limit the API may answer', async () => {
    const mock = await startMockServer();
    try {
      const callab = new Callab({ apiKey: 'any-key', baseUrl: mock.url, maxRetries: 0 });
      // Prism answers with the response the spec declares for the status you ask for.
      const limited = callab.campaigns.list({}, { headers: { Prefer: 'code=429' } });
      await expect(limited).rejects.toThrow(CallabRateLimitError);
    } finally {
      await mock.close();
    }
  });
});
