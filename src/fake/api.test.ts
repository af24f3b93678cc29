import { FAKE_ADAPTERS } from '../test-support/fake-adapters';
import { describeFakeApi } from '../test-support/fake-behaviour';

describe.each(FAKE_ADAPTERS)('the fake API through %s', (_adapter, start) => {
  describeFakeApi(start);
});
