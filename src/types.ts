/** Named types for the API's objects, from the generated spec types. */
import type { components, operations } from '../generated/openapi';

type Schemas = components['schemas'];

export type Contact = Schemas['Contact'];
export type ContactQuery = Schemas['ContactQuery'];
export type PhoneNumber = Schemas['PhoneNumber'];
export type Campaign = Schemas['Campaign'];
export type WebhookFlow = Schemas['WebhookFlow'];
export type WebhookExecution = Schemas['WebhookExecution'];
export type WebhookStep = Schemas['WebhookStep'];
export type WebhookPredefinedVariable = Schemas['WebhookPredefinedVariable'];
export type WebhookVariable = Schemas['WebhookVariable'];
export type ErrorEnvelope = Schemas['ErrorEnvelope'];
/** The query of `campaigns.list`. */
export type CampaignListParams = NonNullable<operations['listCampaigns']['parameters']['query']>;
export type { components, operations, paths } from '../generated/openapi';
