import type { ApiCaller } from '../core/api';
import type { CallabPromise } from '../core/api-promise';
import type { RequestOptions } from '../core/transport';
import type { Contact, ContactQuery } from '../types';

export class Contacts {
  constructor(private readonly api: ApiCaller) {}

  /**
   * `POST /contact/query`: the contacts matching every filter given (an absent or empty filter
   * matches any contact). Read-only, so it is retried like a GET.
   */
  query(filters: ContactQuery = {}, options?: RequestOptions): CallabPromise<Contact[]> {
    return this.api.call('post', '/contact/query', { body: filters }, options);
  }
}
