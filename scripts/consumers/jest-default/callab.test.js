// A consumer team's test file under jest's defaults: CommonJS, babel-jest, vm modules off.
const {
  Callab,
  CallabAuthenticationError,
  CallabResponseValidationError,
} = require('callab-client');
const { defaultFixtures, startFakeServer, startMockServer } = require('callab-client/testing');

let fake;
beforeAll(async () => {
  fake = await startFakeServer();
});
afterAll(() => fake.close());

const client = (server, options) =>
  new Callab({ apiKey: server.apiKey, baseUrl: server.url, maxRetries: 0, ...options });

test('startFakeServer answers with the filters and the limit applied', async () => {
  const callab = client(fake);
  const vip = await callab.contacts.query({ tags: ['vip'] });
  expect(vip.map((contact) => contact.id)).toEqual(
    defaultFixtures.contacts.filter((contact) => contact.tag_name === 'vip').map((c) => c.id),
  );
  await expect(callab.campaigns.list({ limit: 1 })).resolves.toHaveLength(1);
});

test('raw loads its openapi-fetch client on the first request', async () => {
  const { data, response } = await client(fake).raw.GET('/campaign/list', {
    params: { query: { limit: 1 } },
  });
  expect(response.status).toBe(200);
  expect(data.data).toHaveLength(1);
});

test('a wrong key throws CallabAuthenticationError', async () => {
  const error = await client({ ...fake, apiKey: 'wrong-key' })
    .phoneNumbers.list()
    .catch((caught) => caught);
  expect(error).toBeInstanceOf(CallabAuthenticationError);
  expect(error.httpStatus).toBe(401);
});

test('validate: true passes what the spec allows and rejects what it does not', async () => {
  await expect(client(fake, { validate: true }).phoneNumbers.list()).resolves.toHaveLength(
    defaultFixtures.phoneNumbers.length,
  );
  const [number] = defaultFixtures.phoneNumbers;
  const broken = await startFakeServer({ phoneNumbers: [{ ...number, phone_number: 42 }] });
  try {
    await expect(client(broken).phoneNumbers.list()).resolves.toHaveLength(1);
    await expect(client(broken, { validate: true }).phoneNumbers.list()).rejects.toBeInstanceOf(
      CallabResponseValidationError,
    );
  } finally {
    await broken.close();
  }
});

// Prism takes seconds to load under jest's module registry: more than jest's default 5 s timeout.
test('startMockServer serves the spec bundled with the package', async () => {
  const mock = await startMockServer();
  try {
    const callab = client({ apiKey: 'any-key', url: mock.url }, { validate: true });
    const numbers = await callab.phoneNumbers.list();
    expect(numbers.length).toBeGreaterThan(0);
  } finally {
    await mock.close();
  }
}, 60_000);
