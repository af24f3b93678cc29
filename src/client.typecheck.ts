/**
 * Type-level tests, checked by `npm run typecheck` (tsc) and never run: a misspelled filter or a
 * wrongly typed parameter must not compile, and results carry the spec's types.
 */
import type {
  Callab,
  Campaign,
  CampaignListParams,
  Contact,
  ContactQuery,
  PhoneNumber,
  RequestOptions,
  StreamOptions,
  WebhookFlow,
} from './index';

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_proof?: T) => undefined;

export async function typeTests(callab: Callab) {
  // @ts-expect-error: `tag` is not a filter (the wire name is `tags`)
  await callab.contacts.query({ tag: ['vip'] });
  // @ts-expect-error: filters are lists of strings
  await callab.contacts.query({ tags: 'vip' });
  // @ts-expect-error: limit is a number
  await callab.campaigns.list({ limit: '5' });
  // @ts-expect-error: unknown request option
  await callab.webhooks.list({ retries: 3 });

  const contacts = await callab.contacts.query({ tags: ['vip'], categories: [] });
  assertType<Equal<typeof contacts, Contact[]>>();
  assertType<Equal<Contact['campaign_id'], string | null>>();
  assertType<Equal<Contact['last_call_duration'], number | null>>();
  assertType<Equal<Awaited<ReturnType<Callab['phoneNumbers']['list']>>, PhoneNumber[]>>();
  assertType<Equal<Awaited<ReturnType<Callab['campaigns']['list']>>, Campaign[]>>();
  assertType<Equal<Campaign['status'], 'active' | 'paused' | 'completed'>>();
  assertType<Equal<Campaign['contacts_list_tags'], string[][]>>();
  assertType<Equal<Awaited<ReturnType<Callab['webhooks']['list']>>, WebhookFlow[]>>();
  assertType<Equal<WebhookFlow['executions'][number]['error_message'], string | null>>();

  // The methods generated from the operation table keep the hand-written signatures they replaced.
  type Args<M extends (...args: never[]) => unknown> = Parameters<M>;
  assertType<
    Equal<Args<Callab['contacts']['query']>, [filters?: ContactQuery, options?: RequestOptions]>
  >();
  assertType<Equal<Args<Callab['phoneNumbers']['list']>, [options?: RequestOptions]>>();
  assertType<
    Equal<Args<Callab['campaigns']['list']>, [query?: CampaignListParams, options?: RequestOptions]>
  >();
  assertType<Equal<Args<Callab['webhooks']['list']>, [options?: RequestOptions]>>();
  // @ts-expect-error: a method the spec does not declare
  await callab.campaigns.delete();
  const { data: queried, response, requestId } = await callab.contacts.query().withResponse();
  assertType<Equal<typeof queried, Contact[]>>();
  assertType<Equal<typeof response, Response>>();
  assertType<Equal<typeof requestId, string | undefined>>();
  type Listed = ReturnType<ReturnType<Callab['webhooks']['list']>['withResponse']>;
  assertType<Equal<Awaited<Listed>['data'], WebhookFlow[]>>();

  // queryStream takes query's arguments (plus onProgress) and yields query's item type.
  assertType<
    Equal<
      Args<Callab['contacts']['queryStream']>,
      [filters?: ContactQuery, options?: StreamOptions]
    >
  >();
  assertType<Equal<ReturnType<Callab['contacts']['queryStream']>, AsyncIterable<Contact>>>();
  type QueryItem = Awaited<ReturnType<Callab['contacts']['query']>>[number];
  for await (const contact of callab.contacts.queryStream({ tags: ['vip'] })) {
    assertType<Equal<typeof contact, QueryItem>>();
  }
  // @ts-expect-error: the same filters as query: `tag` is not one
  callab.contacts.queryStream({ tag: ['vip'] });
  // @ts-expect-error: onProgress receives bytes and items, not a string
  callab.contacts.queryStream({}, { onProgress: (p: string) => p });

  const { data } = await callab.raw.GET('/campaign/list', { params: { query: { limit: 1 } } });
  // @ts-expect-error: raw is typed by path too
  await callab.raw.GET('/campaigns');
  return data;
}
