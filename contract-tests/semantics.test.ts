/**
 * What the spec states in words, checked exactly on the upstream's own data (read by the global
 * setup): `limit=n` returns min(n, campaigns) campaigns, and `/contact/query` returns exactly the
 * contacts that match every filter sent. A check the data cannot exercise is skipped with the
 * reason in its name.
 */
import type { Contact, ContactQuery } from '../src';
import { dataOf, observeCall } from './support/client';
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
  const { outcome } = await observeCall(target, 'queryContacts', {
    send: (callab) => callab.contacts.query(query),
  });
  const returned = dataOf(outcome) as Contact[];
  expectNoProblems(filterProblems(operationById('queryContacts'), query, contacts, returned));
}

/**
 * A value of `field` that some contacts have and others lack, so that ignoring the filter shows;
 * or why the data has none.
 */
function discriminatingValue(
  field: (typeof FILTERED_FIELDS)[FilterName],
): { value: string } | { skip: string } {
  if (noData) return { skip: noData };
  const values = contacts.map((c) => c[field]).filter((v): v is string => typeof v === 'string');
  const value = values.find((v) => contacts.some((c) => c[field] !== v));
  if (value !== undefined) return { value };
  return values[0] === undefined
    ? { skip: `no contact of the upstream has a ${field}` }
    : {
        skip: `every contact of the upstream has ${field} ${JSON.stringify(values[0])}, so a server ignoring the filter would pass`,
      };
}

describeGroup('semantics', 'limit=n returns exactly min(n, campaigns) campaigns', () => {
  const count = probe?.ok ? probe.campaignCount : 0;
  if (count < 2) {
    skipped(
      'limit below the number of campaigns',
      noData ?? `the upstream has ${count} campaign(s); at least 2 are needed to observe a cap`,
    );
    return;
  }
  // Only limits below the count: without a limit the server may itself cap the list it returns.
  it.each([1, count - 1])('limit=%i returns exactly that many campaigns', async (limit) => {
    const { outcome } = await observeCall(target, 'listCampaigns', {
      send: (callab) => callab.campaigns.list({ limit }),
    });
    const campaigns = dataOf(outcome) as unknown[];
    expectNoProblems(limitProblems(operationById('listCampaigns'), limit, count, campaigns.length));
  });
});

describeGroup('semantics', 'a filtered query returns exactly the matching contacts', () => {
  for (const [filter, field] of Object.entries(FILTERED_FIELDS)) {
    const choice = discriminatingValue(field);
    if ('skip' in choice) {
      skipped(`${filter}: a value some contacts have and others lack`, choice.skip);
    } else {
      it(`${filter}: [${JSON.stringify(choice.value)}] returns exactly the contacts whose ${field} is that`, () =>
        expectFilterHolds({ [filter]: [choice.value] }));
    }
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
