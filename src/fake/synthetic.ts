/**
 * A synthetic contact list of any size (millions), for the fake server and the benchmarks: the
 * `POST /contact/query` success envelope, generated as it is read and never held in memory.
 * Contact `i` is the same on every run and is computed from `i` alone, so any slice of the list
 * can be made without the rest. Runs wherever web streams do (no `node:` import).
 */
import type { Contact } from '../types';

export interface SyntheticContactsOptions {
  /** How many contacts the list has before `filter`. */
  count: number;
  /** Keeps the contacts it accepts (a ContactQuery's filters, say); the order is kept. */
  filter?: ((contact: Contact) => boolean) | undefined;
  /** About how many characters each chunk holds (it ends after a whole contact): 64 KiB. */
  chunkCharacters?: number | undefined;
}

const FIRST_NAMES = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Zoë', 'Frances', 'Søren'];
const LAST_NAMES = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Müller'];
const COUNTRIES = [
  { code: '+1', prefix: '+1415555' },
  { code: '+44', prefix: '+4420794' },
  { code: '+33', prefix: '+3314225' },
];
const CALL_STATUSES = [
  'busy',
  'unreachable',
  'in-progress',
  'picked-up',
  'no-answer',
  'answered',
  'completed',
];
const FEEDBACK = ['Voicemail full', 'Asked to call back next week', 'Interested in a demo', ''];
const SOURCES = ['website', 'import', 'referral', 'trade-show'];
const TAGS = ['vip', 'renewal', 'trial', 'churn-risk'];
const CATEGORIES = ['customer', 'prospect', 'partner'];
// Quotes, a backslash and non-ASCII text, so readers of the stream meet escapes and multi-byte UTF-8.
const NOTES = [
  'Prefers calls after 4pm',
  'Decision maker',
  '',
  'Says "call me Bob"',
  'C:\\crm\\import',
  'Parle français',
];
const STATUSES = ['new', 'active', 'do-not-call'];
const PLANS = ['starter', 'business', 'enterprise'];
const COMPANY_ID = '9b2f6a1e-4c3d-4e8f-a1b2-7c6d5e4f3a21';
const CAMPAIGN_IDS = [
  '7f1d2c3b-5a4e-4f6d-9c8b-1a2b3c4d5e6f',
  '0e9d8c7b-6a59-4483-8271-605f4e3d2c1b',
];
const CREATED_FROM = Date.UTC(2023, 0, 1);
const CALLED_FROM = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

const ENVELOPE_START = '{"status":"ok","message":"Contacts retrieved successfully","data":[';
const ENVELOPE_END = ']}';
const DEFAULT_CHUNK_CHARACTERS = 64 * 1024;

/** mulberry32 seeded from the index: a tiny PRNG, so contact `i` depends on `i` alone. */
function randomFor(index: number): () => number {
  let state = Math.imul(index ^ 0x5bd1e995, 0x2545f491);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hexDigits = (value: number, length: number) => value.toString(16).padStart(length, '0');

// Whole seconds, as the API writes them: `2024-03-14T15:09:26Z`.
const timestamp = (ms: number) => new Date(ms - (ms % 1000)).toISOString().replace('.000Z', 'Z');

/** Contact number `index` (0-based) of the synthetic list; its id ends with the index in hex. */
export function syntheticContact(index: number): Contact {
  const random = randomFor(index);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const bits = (count: number) => Math.floor(random() * 2 ** count);
  const country = pick(COUNTRIES);
  const called = random() >= 0.25;
  const createdAt = CREATED_FROM + Math.floor(random() * 365 * DAY_MS);
  const calledAt = CALLED_FROM + Math.floor(random() * 180 * DAY_MS);
  return {
    id: `${hexDigits(bits(32), 8)}-${hexDigits(bits(16), 4)}-4${hexDigits(bits(12), 3)}-${pick(['8', '9', 'a', 'b'])}${hexDigits(bits(12), 3)}-${hexDigits(index, 12)}`,
    company_id: COMPANY_ID,
    firstname: pick(FIRST_NAMES),
    lastname: pick(LAST_NAMES),
    phone_number: `${country.prefix}${String(index % 10_000).padStart(4, '0')}`,
    metadata: random() < 0.5 ? {} : { plan: pick(PLANS), crm_id: hexDigits(bits(32), 8) },
    number_country_code: country.code,
    last_call_status: called ? pick(CALL_STATUSES) : null,
    last_call_at: called ? timestamp(calledAt) : null,
    last_call_duration: called ? bits(9) : null,
    last_call_feedback: called ? pick(FEEDBACK) : null,
    source_name: pick(SOURCES),
    tag_name: pick(TAGS),
    category_name: pick(CATEGORIES),
    notes: pick(NOTES),
    created_at: timestamp(createdAt),
    updated_at: timestamp(called ? Math.max(createdAt, calledAt) : createdAt),
    // A tenth of the called contacts are outside any campaign (called by hand).
    campaign_id: called && random() >= 0.1 ? pick(CAMPAIGN_IDS) : null,
    status: pick(STATUSES),
  };
}

/** The envelope as text, one chunk at a time: each chunk is made only when it is asked for. */
export function* syntheticEnvelopeText(options: SyntheticContactsOptions): Generator<string> {
  const { count, filter } = options;
  const chunkCharacters = options.chunkCharacters ?? DEFAULT_CHUNK_CHARACTERS;
  let chunk = ENVELOPE_START;
  let first = true;
  for (let index = 0; index < count; index++) {
    const contact = syntheticContact(index);
    if (filter && !filter(contact)) continue;
    chunk += (first ? '' : ',') + JSON.stringify(contact);
    first = false;
    if (chunk.length >= chunkCharacters) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + ENVELOPE_END;
}

/**
 * The envelope as a byte stream with backpressure: a chunk is generated only when the reader
 * pulls (highWaterMark 0), so memory stays at one chunk however long the list.
 */
export function syntheticContactStream(
  options: SyntheticContactsOptions,
): ReadableStream<Uint8Array> {
  const chunks = syntheticEnvelopeText(options);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      cancel() {
        chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
