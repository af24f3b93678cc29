/** The options every adapter of the fake API takes (startFakeServer, createFakeFetch, createMswHandlers). */
import { defaultFixtures, type FakeFixtures } from './fixtures';

export const DEFAULT_FAKE_API_KEY = 'fake-api-key';

/** The records to serve (each list defaults to `defaultFixtures`) and the key to accept. */
export interface FakeOptions extends Partial<FakeFixtures> {
  /** The key clients must send as `Authorization: Bearer <apiKey>`. Default `fake-api-key`. */
  apiKey?: string;
  /**
   * Serve this many generated contacts for `POST /contact/query` instead of `contacts`, each made
   * as the body is read (contact `i` is the same on every run), so a list of millions takes no
   * memory: for testing code that streams (`contacts.queryStream`). The body filters apply.
   */
  syntheticContacts?: number;
}

export interface FakeSettings {
  fixtures: FakeFixtures;
  apiKey: string;
  /** How many synthetic contacts `POST /contact/query` serves, when not the `contacts` fixtures. */
  syntheticContacts?: number | undefined;
}

/** Checks the options (`adapter` names the function in messages) and fills in the defaults. */
export function settingsFrom(options: FakeOptions, adapter: string): FakeSettings {
  const apiKey = options.apiKey ?? DEFAULT_FAKE_API_KEY;
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new TypeError(`${adapter}: apiKey must not be empty.`);
  }
  const fixtures: FakeFixtures = { ...defaultFixtures };
  for (const name of Object.keys(defaultFixtures) as (keyof FakeFixtures)[]) {
    const given = options[name];
    if (given === undefined) continue;
    if (!Array.isArray(given)) {
      throw new TypeError(`${adapter}: option "${name}" must be an array of records.`);
    }
    Object.assign(fixtures, { [name]: given });
  }
  const { syntheticContacts } = options;
  if (syntheticContacts === undefined) return { fixtures, apiKey };
  if (!Number.isSafeInteger(syntheticContacts) || syntheticContacts < 0) {
    throw new TypeError(`${adapter}: syntheticContacts must be a whole number >= 0.`);
  }
  if (options.contacts !== undefined) {
    throw new TypeError(`${adapter}: pass contacts or syntheticContacts, not both.`);
  }
  return { fixtures, apiKey, syntheticContacts };
}
