import type { ApiCaller } from '../core/api';
import type { CallabPromise } from '../core/api-promise';
import type { RequestOptions } from '../core/transport';
import type { WebhookFlow } from '../types';

export class Webhooks {
  constructor(private readonly api: ApiCaller) {}

  /** `GET /webhook/flow/company/outbound`: the company's outbound webhook flows. */
  list(options?: RequestOptions): CallabPromise<WebhookFlow[]> {
    return this.api.call('get', '/webhook/flow/company/outbound', {}, options);
  }
}
