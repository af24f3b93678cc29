/**
 * The benchmarks' `POST /contact/query` bodies: the fake's synthetic contact list
 * (src/fake/synthetic.ts), about 583 bytes per contact, so 100,000 contacts are about 58.3 MB of
 * JSON and 1,200,000 about 699 MB.
 */
import { syntheticContact, syntheticEnvelopeText } from '../../src/fake/synthetic';
import type { Contact } from '../../src/types';

export function makeContacts(count: number): Contact[] {
  return Array.from({ length: count }, (_, index) => syntheticContact(index));
}

/**
 * The success envelope around `count` contacts, serialized once so the server only writes bytes.
 * Built chunk by chunk: past V8's longest string it could not be one string.
 */
export function contactQueryBody(count: number): Buffer {
  return Buffer.concat(Array.from(syntheticEnvelopeText({ count }), (text) => Buffer.from(text)));
}
