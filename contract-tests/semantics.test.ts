/**
 * What the spec states in words, checked on the upstream's own data (read by the global setup):
 * `limit` caps the number of campaigns, and every contact returned by `/contact/query` matches
 * every filter sent. A check the data cannot exercise is skipped with the reason in its name.
 */
import type { Contact, ContactQuery } from '../src';
import { observedClient } from './support/client';
import { describeGroup } from './support/modes';
import { readProbe } from './support/probe';
import {
  expectNoProblems,
  FILTERED_FIELDS,
  type FilterName,
  filterProblems,
  limitProblems,
} from './support/rules';
import { contractTarget } from './support/settings';
import { operationById } from './support/spec';

const target = contractTarget();
const probe = target.mode === 'proxy' ? readProbe(target.runDir) : undefined;
const contacts = probe?.ok ? probe.contacts : [];
/** Why the upstream's data is unavailable, if it is. */
const noData = !probe
  ? 'the upstream is read in proxy mode only'
  : probe.ok
    ? undefined
    : `reading the upstream failed: ${probe.error}`;

function skipped(title: string, reason: string): void {
  it.skip(`${title} [skipped: ${reason}]`, () => {
    throw new Error('skipped');
  });
}

async function expectFilterHolds(query: ContactQuery): Promise<void> {
  const { callab } = observedClient(target);
  const returned = await callab.contacts.query(query);
  expectNoProblems(filterProblems(operationById('queryContacts'), query, returned));
}

/** A value of `field` that some contacts have and others lack, so ignoring the filter shows. */
function discriminatingValue(field: (typeof FILTERED_FIELDS)[FilterName]): string | undefined {
  const values = contacts.map((c) => c[field]).filter((v): v is string => typeof v === 'string');
  return values.find((v) => contacts.some((c) => c[field] !== v)) ?? values[0];
}

describeGroup('semantics', 'limit caps the number of campaigns', () => {
  const count = probe?.ok ? probe.campaignCount : 0;
  if (count < 2) {
    skipped(
      'limit below the number of campaigns',
      noData ?? `the upstream has ${count} campaign(s); at least 2 are needed to observe a cap`,
    );
    return;
  }
  it.each([1, count - 1])('limit=%i returns at most that many campaigns', async (limit) => {
    const { callab } = observedClient(target);
    const campaigns = await callab.campaigns.list({ limit });
    expectNoProblems(limitProblems(operationById('listCampaigns'), limit, campaigns.length));
  });
});

describeGroup('semantics', 'every contact returned matches the filters sent', () => {
  for (const [filter, field] of Object.entries(FILTERED_FIELDS)) {
    const value = discriminatingValue(field);
    const title = `${filter}: [${JSON.stringify(value)}] returns only contacts whose ${field} is that`;
    if (value === undefined) skipped(title, noData ?? `no contact of the upstream has a ${field}`);
    else it(title, () => expectFilterHolds({ [filter]: [value] }));
  }

  const complete = contacts.find((c: Contact) =>
    Object.values(FILTERED_FIELDS).every((field) => typeof c[field] === 'string'),
  );
  const combinedTitle = 'all four filters at once (they combine with AND)';
  if (!complete) {
    skipped(combinedTitle, noData ?? 'no contact of the upstream has all four fields set');
  } else {
    it(combinedTitle, () =>
      expectFilterHolds(
        Object.fromEntries(
          Object.entries(FILTERED_FIELDS).map(([filter, field]) => [filter, [complete[field]]]),
        ),
      ),
    );
  }

  it('a tag no contact has returns no contact', () =>
    expectFilterHolds({ tags: ['contract-tests: a tag no contact has'] }));
});
