/**
 * The ways of reading one large contact list that the streaming benchmark compares, each reduced
 * to "read every contact, return how many there were". Raw fetch + json() is the baseline.
 */
import { readEnvelopeItems } from '../../src/core/envelope-stream';
import { createRedactor } from '../../src/core/redact';
import { STREAM_KIT } from '../../src/core/stream-kit';
import { exportCsv } from './cli-export';
import { API_KEY, postContactQuery, RAW_FETCH_LABEL, rawFetchContacts } from './raw-fetch';

export type StreamVariantId = 'fetch' | 'envelope-reader' | 'query-stream' | 'cli-csv';

/**
 * How many contacts were read; with `peakRssBytes` when another process did the reading (the
 * CLI), whose peak RSS is then the one measured.
 */
export type CountContacts = () => Promise<number | { contacts: number; peakRssBytes: number }>;

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
        for await (const _ of readEnvelopeItems(STREAM_KIT, OPERATION, response, redact, {
          idleTimeoutMs: 30_000,
        })) {
          count++;
        }
        return count;
      };
    },
  },
  'query-stream': {
    id: 'query-stream',
    label: 'callab.contacts.queryStream()',
    async create(baseUrl, clientEntry) {
      const { Callab } = (await import(clientEntry)) as typeof import('../../src/index');
      const callab = new Callab({ apiKey: API_KEY, baseUrl });
      return async () => {
        let count = 0;
        for await (const _ of callab.contacts.queryStream()) count++;
        return count;
      };
    },
  },
  'cli-csv': {
    id: 'cli-csv',
    label: 'callab contacts query --format csv > file (built CLI, its own process)',
    create: async (baseUrl, clientEntry) => () => exportCsv(baseUrl, API_KEY, clientEntry),
  },
};
