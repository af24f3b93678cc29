/**
 * Realistic, deterministic `POST /contact/query` bodies for the benchmarks: every field of the
 * Contact schema, a quarter of the contacts never called (null `last_call_*` and `campaign_id`),
 * metadata empty on half of them. About 585 bytes per contact (the field names alone take 230), so
 * 100,000 contacts are about 58 MB of JSON.
 */
import type { components } from '../../generated/openapi';

type Contact = components['schemas']['Contact'];

const FIRST_NAMES = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken'];
const LAST_NAMES = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Allen'];
const COUNTRIES = [
  { code: '+1', prefix: '+1415555' },
  { code: '+44', prefix: '+4420794' },
  { code: '+33', prefix: '+3314225' },
];
const CALL_STATUSES = ['busy', 'unreachable', 'picked-up', 'no-answer', 'answered', 'completed'];
const FEEDBACK = ['Voicemail full', 'Asked to call back next week', 'Interested in a demo', ''];
const SOURCES = ['website', 'import', 'referral', 'trade-show'];
const TAGS = ['vip', 'renewal', 'trial', 'churn-risk'];
const CATEGORIES = ['customer', 'prospect', 'partner'];
const NOTES = ['Prefers calls after 4pm', 'Decision maker', '', 'Speaks French and English'];
const STATUSES = ['new', 'active', 'do-not-call'];
const PLANS = ['starter', 'business', 'enterprise'];
const COMPANY_ID = '9b2f6a1e-4c3d-4e8f-a1b2-7c6d5e4f3a21';
const CAMPAIGN_IDS = [
  '7f1d2c3b-5a4e-4f6d-9c8b-1a2b3c4d5e6f',
  '0e9d8c7b-6a59-4483-8271-605f4e3d2c1b',
];

/** mulberry32: a tiny seeded PRNG, so every run serves the same bytes. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeContacts(count: number, seed = 1): Contact[] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = () =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  // Whole seconds, as the API writes them: `2024-03-14T15:09:26Z`.
  const timestamp = (from: number, spanDays: number) =>
    new Date(from + Math.floor(random() * spanDays * 86_400_000))
      .toISOString()
      .replace(/\.\d+Z$/, 'Z');

  return Array.from({ length: count }, () => {
    const country = pick(COUNTRIES);
    const called = random() >= 0.25;
    const createdAt = timestamp(Date.UTC(2023, 0, 1), 365);
    return {
      id: uuid(),
      company_id: COMPANY_ID,
      firstname: pick(FIRST_NAMES),
      lastname: pick(LAST_NAMES),
      phone_number: `${country.prefix}${String(Math.floor(random() * 10_000)).padStart(4, '0')}`,
      metadata: random() < 0.5 ? {} : { plan: pick(PLANS), crm_id: hex(8) },
      number_country_code: country.code,
      last_call_status: called ? pick(CALL_STATUSES) : null,
      last_call_at: called ? timestamp(Date.UTC(2024, 0, 1), 180) : null,
      last_call_duration: called ? Math.floor(random() * 600) : null,
      last_call_feedback: called ? pick(FEEDBACK) : null,
      source_name: pick(SOURCES),
      tag_name: pick(TAGS),
      category_name: pick(CATEGORIES),
      notes: pick(NOTES),
      created_at: createdAt,
      updated_at: createdAt,
      campaign_id: called ? pick(CAMPAIGN_IDS) : null,
      status: pick(STATUSES),
    };
  });
}

/** The success envelope around `count` contacts, serialized once so the server only writes bytes. */
export function contactQueryBody(count: number): Buffer {
  return Buffer.from(
    JSON.stringify({
      status: 'ok',
      message: 'Contacts retrieved successfully',
      data: makeContacts(count),
    }),
  );
}
