/** The house spec lint (npm run lint:spec): it passes on openapi.yaml and fails on each rule broken. */

import { loadSpec, type SpecNode } from '../src/internal/spec-document';
import { fieldsWithoutExample, lintProblems, operationsWithoutExample } from './lint-spec';

function edited(edit: (spec: SpecNode) => void): SpecNode {
  const spec = loadSpec();
  edit(spec);
  return spec;
}

const contactExamples = (spec: SpecNode) =>
  spec.paths['/contact/query'].post.responses['200'].content['application/json'].examples;

describe('lint:spec', () => {
  it('finds nothing wrong with openapi.yaml', () => {
    expect(lintProblems(loadSpec())).toEqual([]);
  });

  it('reports a new response field that no example shows', () => {
    const spec = edited((s) => {
      s.components.schemas.Contact.properties.timezone = { type: 'string', description: 'IANA.' };
    });
    expect(fieldsWithoutExample(spec)).toEqual(['Contact.timezone']);
    expect(lintProblems(spec)).toEqual([
      'Contact.timezone appears in no response example: add it to one (the mock serves them)',
    ]);
  });

  it('counts a field shown in any one example, of the schema it belongs to', () => {
    const timezone = { type: 'string', description: 'IANA time zone.' };
    const shownOnce = edited((s) => {
      s.components.schemas.Contact.properties.timezone = timezone;
      contactExamples(s).ok.value.data[1].timezone = 'Europe/London';
    });
    expect(fieldsWithoutExample(shownOnce)).toEqual([]);
    const inTheWrongSchema = edited((s) => {
      s.components.schemas.Contact.properties.timezone = timezone;
      s.paths['/campaign/list'].get.responses['200'].content[
        'application/json'
      ].examples.ok.value.data[0].timezone = 'Europe/London';
    });
    expect(fieldsWithoutExample(inTheWrongSchema)).toEqual(['Contact.timezone']);
  });

  it('reports an operation with no success example holding data', () => {
    const spec = edited((s) => {
      delete s.paths['/phone_number'].get.responses['200'].content['application/json'].examples.ok;
    });
    expect(operationsWithoutExample(spec)).toEqual(['GET /phone_number']);
    const onlyEmpty = edited((s) => {
      for (const example of Object.values(contactExamples(s) as SpecNode)) {
        if (Array.isArray(example.value?.data)) example.value.data = [];
      }
    });
    expect(operationsWithoutExample(onlyEmpty)).toEqual(['POST /contact/query']);
  });

  it('reports an x- extension the info description does not document', () => {
    const spec = edited((s) => {
      s.paths['/phone_number'].get['x-callab-cached'] = true;
    });
    expect(lintProblems(spec)).toEqual([
      expect.stringMatching(/^x-callab-cached is not documented/),
    ]);
    const forgotten = edited((s) => {
      s.info.description = s.info.description.replace('`x-callab-method', 'x-callab-method');
    });
    expect(lintProblems(forgotten)).toEqual([
      expect.stringMatching(/^x-callab-method is not documented/),
    ]);
  });

  it('reports a misused x-callab-matches through the operation table', () => {
    const spec = edited((s) => {
      s.components.schemas.ContactQuery.properties.tags['x-callab-matches'] = 'tags';
    });
    expect(lintProblems(spec)).toEqual([
      expect.stringContaining("ContactQuery.tags: x-callab-matches 'tags' is not a property"),
    ]);
  });
});
