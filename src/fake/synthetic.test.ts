import { describeErrors, jsonPointer } from '../core/spec-schemas';
import { loadSpec, specSchemas } from '../internal/spec-document';
import type { Contact } from '../types';
import { syntheticContact, syntheticContactStream, syntheticEnvelopeText } from './synthetic';

const envelopeOf = (options: Parameters<typeof syntheticEnvelopeText>[0]) =>
  JSON.parse([...syntheticEnvelopeText(options)].join(''));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
  }
  return chunks;
}

const contacts = (count: number) => Array.from({ length: count }, (_, i) => syntheticContact(i));

describe('the synthetic contact list', () => {
  it('is made of contacts that openapi.yaml accepts', () => {
    const validate = specSchemas(loadSpec()).at(jsonPointer('components', 'schemas', 'Contact'));
    const invalid = contacts(2000).flatMap((contact, i) =>
      validate(contact) ? [] : describeErrors(validate.errors).map((e) => `contact ${i}: ${e}`),
    );
    expect(invalid).toEqual([]);
  });

  it('varies every filtered field, so filters can be tested on it', () => {
    const sample = contacts(1000);
    const valuesOf = (field: keyof Contact) => new Set(sample.map((c) => c[field]));
    expect(valuesOf('tag_name').size).toBeGreaterThanOrEqual(4);
    expect(valuesOf('category_name').size).toBeGreaterThanOrEqual(3);
    expect(valuesOf('source_name').size).toBeGreaterThanOrEqual(4);
    expect(valuesOf('last_call_status').size).toBeGreaterThanOrEqual(6);
    expect(valuesOf('last_call_status')).toContain(null);
    expect(valuesOf('status').size).toBeGreaterThanOrEqual(3);
    // Never called; and called, but outside any campaign.
    expect(sample.some((c) => c.last_call_at === null && c.campaign_id === null)).toBe(true);
    expect(sample.some((c) => c.last_call_at !== null && c.campaign_id === null)).toBe(true);
  });

  it('has unique ids', () => {
    const ids = contacts(5000).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is the same on every run, and contact i depends on i alone', () => {
    expect(syntheticContact(123_456)).toEqual(syntheticContact(123_456));
    expect(syntheticContact(1)).not.toEqual(syntheticContact(2));
    expect(envelopeOf({ count: 800 }).data[777]).toEqual(syntheticContact(777));
    expect([...syntheticEnvelopeText({ count: 300 })]).toEqual([
      ...syntheticEnvelopeText({ count: 300 }),
    ]);
  });

  it.each([0, 1, 2, 1000])('is a success envelope of exactly %i contacts', (count) => {
    const envelope = envelopeOf({ count, chunkCharacters: 4096 });
    expect(envelope).toEqual({
      status: 'ok',
      message: 'Contacts retrieved successfully',
      data: contacts(count),
    });
  });

  it('keeps, in order, the contacts the filter accepts', () => {
    const vip = (c: Contact) => c.tag_name === 'vip';
    const { data } = envelopeOf({ count: 2000, filter: vip });
    expect(data).toEqual(contacts(2000).filter(vip));
    expect(data.length).toBeGreaterThan(0);
    expect(envelopeOf({ count: 50, filter: () => false }).data).toEqual([]);
  });

  it('streams the same bytes as the text, in chunks near the size asked for', async () => {
    const chunks = await readAll(syntheticContactStream({ count: 500, chunkCharacters: 2048 }));
    const text = new TextDecoder().decode(Buffer.concat(chunks));
    expect(text).toBe([...syntheticEnvelopeText({ count: 500 })].join(''));
    expect(chunks.length).toBeGreaterThan(100);
    // A chunk ends after the contact that reaches the size: at most one contact longer.
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(2048 + 1000);
  });

  it('generates only what is read: five million contacts cost a few chunks', async () => {
    let generated = 0;
    const stream = syntheticContactStream({
      count: 5_000_000,
      filter: () => ++generated > 0,
    });
    const reader = stream.getReader();
    for (let i = 0; i < 3; i++) expect((await reader.read()).done).toBe(false);
    // Pull-based: nothing was made ahead of the reads (about 110 contacts per 64 KiB chunk).
    expect(generated).toBeLessThan(400);
    await reader.cancel();
    expect(generated).toBeLessThan(400);
    expect(await reader.closed).toBe(undefined);
  });
});
