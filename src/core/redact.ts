/**
 * Keeps the API key out of everything the SDK hands back or logs. Text that comes from elsewhere
 * (a server or proxy echoing the key) is scrubbed in every form the key can take in it, one
 * character at a time, so mixed forms are caught too: raw, JSON-escaped (`\/` as PHP writes `/`,
 * `\u002f` or `\u002F`) and percent-encoded (`%2F`, or `%2f` as .NET writes it).
 *
 * Where: a key of ANYWHERE_MIN_LENGTH characters or more is replaced wherever it appears, even
 * inside a longer token (percent-encoding leaves no boundary before it: `key%3Dsk...`). A shorter
 * key is a placeholder such as `test` that is also an ordinary word, so it is replaced only where
 * it stands alone, not inside `testing` or `contest`.
 */
export type Redact = (text: string) => string;

const REDACTED = '[redacted]';
const ANYWHERE_MIN_LENGTH = 8;

export function createRedactor(secret: string): Redact {
  const key = [...secret].map(characterForms).join('');
  if (secret.length >= ANYWHERE_MIN_LENGTH) {
    const pattern = new RegExp(key, 'g');
    return (text) => text.replace(pattern, REDACTED);
  }
  // No lookbehind (Safari before 16.4 has none): the character before is captured and put back.
  const pattern = new RegExp(`(^|[^A-Za-z0-9])${key}(?![A-Za-z0-9])`, 'g');
  return (text) => text.replace(pattern, `$1${REDACTED}`);
}

/** A regular expression group for one character of the key and each of its escaped forms. */
function characterForms(character: string): string {
  const hex = character.charCodeAt(0).toString(16).padStart(2, '0');
  const anyCase = hex.replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
  const forms = [escapeRegExp(character), `%${anyCase}`, `\\\\u00${anyCase}`];
  // JSON's two-character escapes: `\"` and `\\` always, `\/` optionally (PHP writes it).
  if ('/"\\'.includes(character)) forms.push(`\\\\${escapeRegExp(character)}`);
  return `(?:${forms.join('|')})`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
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
