/** The options every adapter of the fake API takes (startFakeServer, createFakeFetch, createMswHandlers). */
import { defaultFixtures, type FakeFixtures } from './fixtures';

export const DEFAULT_FAKE_API_KEY = 'fake-api-key';

/** The records to serve (each list defaults to `defaultFixtures`) and the key to accept. */
export interface FakeOptions extends Partial<FakeFixtures> {
  /** The key clients must send as `Authorization: Bearer <apiKey>`. Default `fake-api-key`. */
  apiKey?: string;
}

export interface FakeSettings {
  fixtures: FakeFixtures;
  apiKey: string;
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
  return { fixtures, apiKey };
}
