/**
 * Keeps the API key out of everything the SDK hands back or logs. Text that comes from elsewhere
 * (a server or proxy echoing the key) is scrubbed in every form the key can take in it: raw,
 * JSON-escaped (`\/` for `/`, as PHP writes it) and URL-encoded.
 */
export type Redact = (text: string) => string;

const REDACTED = '[redacted]';

export function createRedactor(secret: string): Redact {
  const jsonEscaped = JSON.stringify(secret).slice(1, -1);
  const forms = [
    ...new Set([
      secret,
      jsonEscaped,
      jsonEscaped.replace(/\//g, '\\/'),
      encodeURIComponent(secret),
    ]),
  ]
    .filter((form) => form.length > 0)
    .sort((a, b) => b.length - a.length);
  return (text) =>
    forms.reduce((out, form) => (out.includes(form) ? out.split(form).join(REDACTED) : out), text);
}

/** A copy of a parsed JSON value with `redact` applied to every string in it, keys included. */
export function redactDeep(value: unknown, redact: Redact): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redact(key), redactDeep(item, redact)]),
    );
  }
  return value;
}

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** Headers as a plain object, credentials replaced by `[redacted]` and the key scrubbed from the rest. */
export function redactHeaders(
  headers: Headers | Record<string, string>,
  redact: Redact,
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : redact(value);
  }
  return out;
}
