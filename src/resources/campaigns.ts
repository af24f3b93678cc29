import type { ApiCaller } from '../core/api';
import type { CallabPromise } from '../core/api-promise';
import type { RequestOptions } from '../core/transport';
import type { Campaign, operations } from '../types';

export type CampaignListParams = NonNullable<operations['listCampaigns']['parameters']['query']>;

export class Campaigns {
  constructor(private readonly api: ApiCaller) {}

  /** `GET /campaign/list`: the company's campaigns, at most `limit` of them. */
  list(params: CampaignListParams = {}, options?: RequestOptions): CallabPromise<Campaign[]> {
    return this.api.call('get', '/campaign/list', { query: params }, options);
  }
}
