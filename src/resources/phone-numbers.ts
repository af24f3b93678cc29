import type { ApiCaller } from '../core/api';
import type { CallabPromise } from '../core/api-promise';
import type { RequestOptions } from '../core/transport';
import type { PhoneNumber } from '../types';

export class PhoneNumbers {
  constructor(private readonly api: ApiCaller) {}

  /** `GET /phone_number`: every phone number of the company. */
  list(options?: RequestOptions): CallabPromise<PhoneNumber[]> {
    return this.api.call('get', '/phone_number', {}, options);
  }
}
