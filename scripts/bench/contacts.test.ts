import { jsonPointer } from '../../src/core/spec-schemas';
import { specSchemas } from '../../src/internal/spec-document';
import { contactQueryBody, makeContacts } from './contacts';

describe('benchmark contacts', () => {
  it('form a success envelope that openapi.yaml accepts, so validate: true measures real work', () => {
    const validate = specSchemas().at(jsonPointer('components', 'schemas', 'ContactQueryResponse'));
    const body = JSON.parse(contactQueryBody(200).toString());
    validate(body);
    expect(validate.errors ?? []).toEqual([]);
    expect(body.data).toHaveLength(200);
  });

  it('include never-called contacts, whose last-call fields are null', () => {
    const neverCalled = makeContacts(200).filter((c) => c.last_call_at === null);
    expect(neverCalled.length).toBeGreaterThan(20);
    expect(neverCalled.every((c) => c.last_call_status === null && c.campaign_id === null)).toBe(
      true,
    );
  });

  it('are the same bytes on every run', () => {
    expect(contactQueryBody(50).equals(contactQueryBody(50))).toBe(true);
  });
});
