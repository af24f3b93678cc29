import { createFakeFetch } from '../fake';
import { syntheticContact } from '../fake/synthetic';
import { Callab } from '../index';
import { startFakeServer } from './index';

describe('startFakeServer({ syntheticContacts })', () => {
  it('streams N generated contacts to queryStream, in order, with the filters applied', async () => {
    const count = 20_000;
    const server = await startFakeServer({ syntheticContacts: count });
    try {
      const callab = new Callab({ apiKey: server.apiKey, baseUrl: server.url });
      let read = 0;
      let inOrder = true;
      for await (const contact of callab.contacts.queryStream()) {
        inOrder &&= contact.id === syntheticContact(read).id;
        read++;
      }
      expect({ read, inOrder }).toEqual({ read: count, inOrder: true });

      const vip = Array.from({ length: count }, (_, i) => syntheticContact(i)).filter(
        (c) => c.tag_name === 'vip' && c.category_name === 'customer',
      );
      const filters = { tags: ['vip'], categories: ['customer'] };
      const streamed: string[] = [];
      for await (const contact of callab.contacts.queryStream(filters)) streamed.push(contact.id);
      expect(streamed).toEqual(vip.map((c) => c.id));
      // The buffered call reads the same list.
      expect((await callab.contacts.query(filters)).map((c) => c.id)).toEqual(streamed);
    } finally {
      await server.close();
    }
  });

  it('hands out the body as the client reads it, not built whole first', async () => {
    // Two million contacts are about 1.2 GB of JSON: answered at once only if made on demand.
    const server = await startFakeServer({ syntheticContacts: 2_000_000 });
    try {
      const callab = new Callab({ apiKey: server.apiKey, baseUrl: server.url });
      const first: string[] = [];
      for await (const contact of callab.contacts.queryStream()) {
        first.push(contact.id);
        if (first.length === 3) break;
      }
      expect(first).toEqual([0, 1, 2].map((i) => syntheticContact(i).id));
    } finally {
      await server.close();
    }
  });

  it('works in-process too (createFakeFetch), and refuses nonsense', async () => {
    const callab = new Callab({
      apiKey: 'fake-api-key',
      baseUrl: 'https://fake.invalid',
      fetch: createFakeFetch({ syntheticContacts: 7 }),
    });
    expect(await callab.contacts.query()).toEqual(
      Array.from({ length: 7 }, (_, i) => syntheticContact(i)),
    );
    expect(() => createFakeFetch({ syntheticContacts: -1 })).toThrow(
      'createFakeFetch: syntheticContacts must be a whole number >= 0.',
    );
    expect(() => createFakeFetch({ syntheticContacts: 3, contacts: [] })).toThrow(
      'createFakeFetch: pass contacts or syntheticContacts, not both.',
    );
  });
});
