/**
 * The clients under comparison, each reduced to "query all contacts, return the array". Every
 * variant checks the envelope the way its users would have to, so none wins by skipping work.
 */
import axios from 'axios';
import createClient from 'openapi-fetch';
import type { paths } from '../../generated/openapi';
import { API_KEY, contactsOf, type Envelope, RAW_FETCH_LABEL, rawFetchContacts } from './raw-fetch';

export type VariantId = 'fetch' | 'openapi-fetch' | 'callab' | 'callab-validate' | 'axios';

export type QueryContacts = () => Promise<readonly unknown[]>;

export interface Variant {
  id: VariantId;
  label: string;
  /** `clientEntry` is the URL of the built package entry (dist/index.mjs): what users import. */
  create(baseUrl: string, clientEntry: string): Promise<QueryContacts>;
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
    label: RAW_FETCH_LABEL,
    create: async (baseUrl) => () => rawFetchContacts(baseUrl),
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
