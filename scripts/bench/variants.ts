/**
 * The clients under comparison, each reduced to "query all contacts, return the array". Every
 * variant checks the envelope the way its users would have to, so none wins by skipping work.
 */
import axios from 'axios';
import createClient from 'openapi-fetch';
import type { paths } from '../../generated/openapi';

export const API_KEY = 'bench-api-key';

export type VariantId = 'fetch' | 'openapi-fetch' | 'callab' | 'callab-validate' | 'axios';

export type QueryContacts = () => Promise<readonly unknown[]>;

export interface Variant {
  id: VariantId;
  label: string;
  /** `clientEntry` is the URL of the built package entry (dist/index.mjs): what users import. */
  create(baseUrl: string, clientEntry: string): Promise<QueryContacts>;
}

interface Envelope {
  status: string;
  message: string;
  data: unknown;
}

function contactsOf(envelope: Envelope): unknown[] {
  if (envelope.status !== 'ok' || !Array.isArray(envelope.data)) {
    throw new Error(`the server answered an error envelope: ${envelope.message}`);
  }
  return envelope.data;
}

type ClientModule = typeof import('../../src/index');

async function callab(baseUrl: string, clientEntry: string, validate: boolean) {
  const { Callab } = (await import(clientEntry)) as ClientModule;
  const client = new Callab({ apiKey: API_KEY, baseUrl, validate });
  return () => client.contacts.query({});
}

export const VARIANTS: Record<VariantId, Variant> = {
  fetch: {
    id: 'fetch',
    label: 'raw fetch + json()',
    async create(baseUrl) {
      const url = `${baseUrl}/contact/query`;
      return async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
          body: '{}',
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return contactsOf((await response.json()) as Envelope);
      };
    },
  },
  'openapi-fetch': {
    id: 'openapi-fetch',
    label: 'openapi-fetch (bare, generated types)',
    async create(baseUrl) {
      const client = createClient<paths>({
        baseUrl,
        headers: { Authorization: `Bearer ${API_KEY}` },
      });
      return async () => {
        const { data, response } = await client.POST('/contact/query', { body: {} });
        if (!data) throw new Error(`HTTP ${response.status}`);
        return contactsOf(data);
      };
    },
  },
  callab: {
    id: 'callab',
    label: 'callab.contacts.query',
    create: (baseUrl, clientEntry) => callab(baseUrl, clientEntry, false),
  },
  'callab-validate': {
    id: 'callab-validate',
    label: 'callab.contacts.query, validate: true',
    create: (baseUrl, clientEntry) => callab(baseUrl, clientEntry, true),
  },
  axios: {
    id: 'axios',
    label: 'axios',
    async create(baseUrl) {
      const http = axios.create({
        baseURL: baseUrl,
        headers: { Authorization: `Bearer ${API_KEY}` },
      });
      return async () => contactsOf((await http.post<Envelope>('/contact/query', {})).data);
    },
  },
};
