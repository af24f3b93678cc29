import type { ApiCaller } from '../core/api';
import type { RequestOptions } from '../core/transport';
import type { PhoneNumber } from '../types';

export class PhoneNumbers {
  constructor(private readonly api: ApiCaller) {}

  /** `GET /phone_number`: every phone number of the company. */
  list(options?: RequestOptions): Promise<PhoneNumber[]> {
    return this.api.call('get', '/phone_number', {}, options);
  }
}
