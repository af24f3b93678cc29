/** Reads a request's JSON body as the fake API accepts it, refusing what the API would refuse. */
import { InvalidRequestError } from './filters';

export const MAX_BODY_BYTES = 1024 * 1024;

/** The body's text, read to the end even past the limit, so a client gets the answer, not a reset. */
async function boundedText(request: Request): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size <= MAX_BODY_BYTES) text += decoder.decode(value, { stream: true });
  }
  if (size > MAX_BODY_BYTES) {
    throw new InvalidRequestError(`The request body exceeds ${MAX_BODY_BYTES} bytes.`);
  }
  return text + decoder.decode();
}

/** The parsed body; `everything` completes "send {} for all ..." in the message for a missing one. */
export async function readJsonBody(request: Request, everything: string): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    throw new InvalidRequestError(`Content-Type must be application/json, got "${contentType}".`);
  }
  const text = await boundedText(request);
  if (text.trim() === '') {
    throw new InvalidRequestError(`The request body is required; send {} for all ${everything}.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidRequestError('The request body is not valid JSON.');
  }
}
