/**
 * An incremental reader for one JSON object with one large array member (the envelope's `data`):
 * it returns that array's elements as their bytes arrive and never holds the document as one
 * string, so a body past V8's longest string (0x1fffffe8 characters) can still be read.
 *
 * A depth scanner, not a tokenizer: it only finds where values end (brackets counted outside
 * strings, escapes skipped, string contents jumped over with indexOf) and hands their text to the
 * native JSON.parse, which does the real parsing and validation. Most of a chunk goes to JSON.parse
 * in one piece (see #batch), so the scan touches little more than the elements cut by chunk
 * boundaries. The measurements that chose it over the libraries: docs/performance.md.
 */

/** The body is not the JSON document expected, or it ended before the document did. */
export class JsonStreamError extends Error {
  override readonly name = 'JsonStreamError';
}

export type ArrayState = 'not yet seen' | 'open' | 'closed';

export interface ArrayMemberReader {
  /**
   * Reads the next bytes and returns the array's elements they complete, in order. When the bytes
   * break the document, it still returns the elements before the break and sets `failure`; a later
   * `push` or `end` throws it.
   */
  push(chunk: Uint8Array): unknown[];
  /** The input has ended: throws a JsonStreamError unless the document was complete. */
  end(): void;
  /** Why the document is broken, once it is. */
  readonly failure: JsonStreamError | undefined;
  /** The object's other members completed so far (the array member too when it is not an array). */
  readonly members: ReadonlyMap<string, unknown>;
  /** Where the streamed array is; `not yet seen` also when the member holds something else. */
  readonly arrayState: ArrayState;
  /** How many elements of the array have been returned. */
  readonly elements: number;
}

// Where the scanner is in the document.
const BEFORE_DOCUMENT = 0;
const OBJECT_START = 1; // after `{`: a key or `}`
const MEMBER_START = 2; // after `,`: a key
const KEY = 3;
const AFTER_KEY = 4; // `:`
const BEFORE_VALUE = 5;
const VALUE = 6;
const AFTER_VALUE = 7; // `,` or `}`
const ARRAY_START = 8; // after the streamed array's `[`: an element or `]`
const ELEMENT_START = 9; // after `,` in the array: an element
const ELEMENT = 10;
const AFTER_ELEMENT = 11; // `,` or `]`
const DONE = 12;

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** A failed batch costs one parse of the text: a body whose batches keep failing stops trying. */
const MAX_BATCH_MISSES = 4;

const isWhitespace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function indexOrEnd(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from);
  return found < 0 ? text.length : found;
}

const ENDED_IN: Record<number, string> = {
  [OBJECT_START]: 'after the opening {',
  [MEMBER_START]: 'between members',
  [KEY]: 'inside a member name',
  [AFTER_KEY]: 'after a member name',
  [BEFORE_VALUE]: 'before a member value',
  [VALUE]: 'inside a member value',
  [AFTER_VALUE]: 'before the closing }',
  [ARRAY_START]: 'after the opening [ of the array',
  [ELEMENT_START]: 'between elements of the array',
  [AFTER_ELEMENT]: 'after an element, before the closing ] of the array',
};

/** Reads a JSON object whose member `arrayName`, when it is an array, is streamed element by element. */
export function readArrayMember(arrayName: string): ArrayMemberReader {
  return new Scanner(arrayName);
}

class Scanner implements ArrayMemberReader {
  readonly members = new Map<string, unknown>();
  arrayState: ArrayState = 'not yet seen';
  elements = 0;
  failure: JsonStreamError | undefined;

  readonly #arrayName: string;
  readonly #decoder = new TextDecoder();
  #state = BEFORE_DOCUMENT;
  /** Characters read before the current text, so messages can say where. */
  #consumed = 0;
  #key = '';
  readonly #seenKeys = new Set<string>();

  // The value being collected: where it starts in the current text, and its earlier pieces.
  #start = 0;
  #pieces: string[] = [];
  /** A number, true, false or null: it ends at the first delimiter, not at a bracket or quote. */
  #scalar = false;
  #depth = 0;
  #inString = false;
  /** The previous text ended with a backslash inside a string: the next character is escaped. */
  #escaped = false;
  /** Failed fast-path parses: past MAX_BATCH_MISSES the body is scanned element by element. */
  #batchMisses = 0;
  // The next `"` and `\` at or after some position of the current text (its length: none).
  #nextQuote = -1;
  #nextBackslash = -1;

  constructor(arrayName: string) {
    this.#arrayName = arrayName;
  }

  push(chunk: Uint8Array): unknown[] {
    if (this.failure) throw this.failure;
    return this.#scan(this.#decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    if (this.failure) throw this.failure;
    // Flushing yields U+FFFD for a multi-byte character cut off at the end, as text() would.
    this.#scan(this.#decoder.decode());
    if (this.failure) throw this.failure;
    if (this.#state === DONE) return;
    if (this.#state === BEFORE_DOCUMENT) {
      throw new JsonStreamError(
        this.#consumed === 0 ? 'the body is empty' : 'the body holds only whitespace',
      );
    }
    const where =
      this.#state === ELEMENT
        ? `inside element ${this.elements} of "${this.#arrayName}"${this.#inString ? ', in a string' : ''}`
        : ENDED_IN[this.#state];
    throw new JsonStreamError(
      `the body ended before the JSON document did: cut off ${where}, after ${this.#consumed} characters and ${this.elements} elements`,
    );
  }

  #scan(text: string): unknown[] {
    const found: unknown[] = [];
    try {
      this.#scanInto(text, found);
    } catch (error) {
      if (!(error instanceof JsonStreamError)) throw error;
      this.failure = error;
    }
    this.#consumed += text.length;
    return found;
  }

  #scanInto(text: string, found: unknown[]): void {
    const length = text.length;
    this.#nextQuote = -1;
    this.#nextBackslash = -1;
    this.#start = 0;
    let i = 0;
    while (i < length) {
      const state = this.#state;
      if (state === ELEMENT || state === VALUE || state === KEY) {
        const end = this.#valueEnd(text, i);
        if (end < 0) {
          this.#pieces.push(text.slice(this.#start));
          return;
        }
        const value = this.#parse(text, end);
        if (state === ELEMENT) {
          found.push(value);
          this.elements++;
          this.#state = AFTER_ELEMENT;
        } else if (state === VALUE) {
          this.members.set(this.#key, value);
          this.#state = AFTER_VALUE;
        } else {
          this.#key = value as string;
          if (this.#seenKeys.has(this.#key)) {
            throw new JsonStreamError(`the object has the member "${this.#key}" twice`);
          }
          this.#seenKeys.add(this.#key);
          this.#state = AFTER_KEY;
        }
        i = end;
        continue;
      }
      const c = text.charCodeAt(i);
      if (isWhitespace(c)) {
        i++;
        continue;
      }
      switch (state) {
        case BEFORE_DOCUMENT:
          if (c !== OPEN_BRACE) this.#fail(text, i, 'a JSON object');
          this.#state = OBJECT_START;
          break;
        case OBJECT_START:
        case MEMBER_START:
          if (c === QUOTE) {
            this.#begin(KEY, i, false);
            continue;
          }
          if (c !== CLOSE_BRACE || state !== OBJECT_START) {
            this.#fail(text, i, state === OBJECT_START ? 'a member name or }' : 'a member name');
          }
          this.#state = DONE;
          break;
        case AFTER_KEY:
          if (c !== COLON) this.#fail(text, i, ':');
          this.#state = BEFORE_VALUE;
          break;
        case BEFORE_VALUE:
          if (c === OPEN_BRACKET && this.#key === this.#arrayName) {
            this.arrayState = 'open';
            this.#state = ARRAY_START;
            break;
          }
          this.#beginValue(VALUE, text, i);
          continue;
        case AFTER_VALUE:
          if (c === COMMA) this.#state = MEMBER_START;
          else if (c === CLOSE_BRACE) this.#state = DONE;
          else this.#fail(text, i, ', or }');
          break;
        case ARRAY_START:
        case ELEMENT_START: {
          if (c === CLOSE_BRACKET && state === ARRAY_START) {
            this.#closeArray();
            break;
          }
          const batchEnd = this.#batch(text, i, found);
          if (batchEnd < 0) {
            this.#beginValue(ELEMENT, text, i);
          } else {
            this.#state = AFTER_ELEMENT;
            i = batchEnd;
          }
          continue;
        }
        case AFTER_ELEMENT:
          if (c === COMMA) this.#state = ELEMENT_START;
          else if (c === CLOSE_BRACKET) this.#closeArray();
          else this.#fail(text, i, ', or ]');
          break;
        default:
          this.#fail(text, i, 'nothing after the end of the document');
      }
      i++;
    }
  }

  /**
   * The fast path: the elements from `i` up to the last `},{` of the text, parsed by one JSON.parse
   * as `[...]`. That parse succeeds only when the text in between is whole elements separated by
   * commas (a `},{` inside a string or a nested array leaves a string or bracket open), so nothing
   * is taken on trust; when it fails, the elements are scanned one by one instead. Returns the
   * index after the last element parsed, or -1.
   */
  #batch(text: string, i: number, found: unknown[]): number {
    if (this.#batchMisses >= MAX_BATCH_MISSES) return -1;
    const last = text.lastIndexOf('},{');
    if (last < i) return -1;
    let batch: unknown[];
    try {
      batch = JSON.parse(`[${text.slice(i, last + 1)}]`);
    } catch {
      this.#batchMisses++;
      return -1;
    }
    for (const element of batch) found.push(element);
    this.elements += batch.length;
    return last + 1;
  }

  #closeArray(): void {
    this.arrayState = 'closed';
    this.#state = AFTER_VALUE;
  }

  #beginValue(state: number, text: string, i: number): void {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COLON) {
      this.#fail(text, i, 'a value');
    }
    this.#begin(state, i, c !== OPEN_BRACE && c !== OPEN_BRACKET && c !== QUOTE);
  }

  #begin(state: number, i: number, scalar: boolean): void {
    this.#state = state;
    this.#start = i;
    this.#scalar = scalar;
    this.#depth = 0;
    this.#inString = false;
  }

  /**
   * Where the value being collected ends (the index just after it), or -1 when it goes on past
   * this text. The hot loop: each character outside strings is looked at once, those inside not
   * at all (indexOf finds the next quote and backslash).
   */
  #valueEnd(text: string, from: number): number {
    const length = text.length;
    let i = from;
    if (this.#scalar) {
      for (; i < length; i++) {
        const c = text.charCodeAt(i);
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isWhitespace(c)) return i;
      }
      return -1;
    }
    let depth = this.#depth;
    let inString = this.#inString;
    if (this.#escaped) {
      this.#escaped = false;
      i++;
    }
    while (i < length) {
      if (inString) {
        let quote = this.#nextQuote;
        if (quote < i) quote = this.#nextQuote = indexOrEnd(text, '"', i);
        let backslash = this.#nextBackslash;
        if (backslash < i) backslash = this.#nextBackslash = indexOrEnd(text, '\\', i);
        if (backslash < quote) {
          // Skip the escaped character, which may be the first of the next text.
          if (backslash + 1 === length) this.#escaped = true;
          i = backslash + 2;
          continue;
        }
        if (quote === length) break;
        i = quote + 1;
        inString = false;
        // A string value (depth 0) ends at its closing quote.
        if (depth === 0) return i;
        continue;
      }
      const c = text.charCodeAt(i++);
      if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i;
    }
    this.#depth = depth;
    this.#inString = inString;
    return -1;
  }

  #parse(text: string, end: number): unknown {
    const piece = text.slice(this.#start, end);
    const source = this.#pieces.length > 0 ? this.#pieces.join('') + piece : piece;
    this.#pieces = [];
    try {
      return JSON.parse(source);
    } catch (error) {
      const what =
        this.#state === ELEMENT
          ? `element ${this.elements} of "${this.#arrayName}"`
          : this.#state === KEY
            ? 'a member name'
            : `the value of "${this.#key}"`;
      throw new JsonStreamError(`${what} is not valid JSON (${(error as Error).message})`);
    }
  }

  #fail(text: string, i: number, expected: string): never {
    const found = JSON.stringify(text.slice(i, i + 20));
    throw new JsonStreamError(
      `expected ${expected} at character ${this.#consumed + i} but found ${found}`,
    );
  }
}
