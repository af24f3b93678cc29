/**
 * Raw fetch + json(), the baseline every benchmark compares with, and the envelope check all
 * variants share. A module of its own, without the other clients, so that the streaming workers
 * load only what they measure.
 */
export const API_KEY = 'bench-api-key';

export interface Envelope {
  status: string;
  message: string;
  data: unknown;
}

export function contactsOf(envelope: Envelope): unknown[] {
  if (envelope.status !== 'ok' || !Array.isArray(envelope.data)) {
    throw new Error(`the server answered an error envelope: ${envelope.message}`);
  }
  return envelope.data;
}

export const RAW_FETCH_LABEL = 'raw fetch + json()';

/** `POST /contact/query` as a hand-written fetch call would send it. */
export function postContactQuery(baseUrl: string): Promise<Response> {
  return fetch(`${baseUrl}/contact/query`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: '{}',
  });
}

export async function rawFetchContacts(baseUrl: string): Promise<unknown[]> {
  const response = await postContactQuery(baseUrl);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return contactsOf((await response.json()) as Envelope);
}
