// A consumer's browser app: the client and the error class it checks for, nothing else.
import { Callab, CallabApiError } from 'callab-client';

const callab = new Callab({
  apiKey: 'browser-demo-key',
  baseUrl: globalThis.location?.origin,
  dangerouslyAllowBrowser: true,
});

callab.campaigns
  .list({ limit: 5 })
  .then((campaigns) => console.log(campaigns.map((campaign) => campaign.name)))
  .catch((error) => console.error(error instanceof CallabApiError ? error.serverMessage : error));
