/**
 * The ways of reading one large contact list that the streaming benchmark compares, each reduced
 * to "read every contact, return how many there were". Raw fetch + json() is the baseline; phase
 * 2 of issue 12 adds `callab.contacts.queryStream` and the CLI's streaming export here.
 */
import { readEnvelopeItems } from '../../src/core/envelope-stream';
import { createRedactor } from '../../src/core/redact';
import { API_KEY, postContactQuery, RAW_FETCH_LABEL, rawFetchContacts } from './raw-fetch';

export type StreamVariantId = 'fetch' | 'envelope-reader';

export type CountContacts = () => Promise<number>;

export interface StreamVariant {
  id: StreamVariantId;
  label: string;
  /** `clientEntry` is the URL of the built package entry (dist/index.mjs), for the client's own variants. */
  create(baseUrl: string, clientEntry: string): Promise<CountContacts>;
}

const OPERATION = 'POST /contact/query';

export const STREAM_VARIANTS: Record<StreamVariantId, StreamVariant> = {
  fetch: {
    id: 'fetch',
    label: RAW_FETCH_LABEL,
    create: async (baseUrl) => async () => (await rawFetchContacts(baseUrl)).length,
  },
  'envelope-reader': {
    id: 'envelope-reader',
    label: 'fetch + readEnvelopeItems (src/core/envelope-stream.ts)',
    async create(baseUrl) {
      const redact = createRedactor(API_KEY);
      return async () => {
        const response = await postContactQuery(baseUrl);
        let count = 0;
        // The idle timeout the client will use, so its per-chunk timer is part of the cost.
        for await (const _ of readEnvelopeItems(OPERATION, response, redact, {
          idleTimeoutMs: 30_000,
        })) {
          count++;
        }
        return count;
      };
    },
  },
};
