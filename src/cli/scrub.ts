/**
 * What the CLI prints of the server's text (messages, field values, field names, header values),
 * made safe for a terminal. Unsafe are the control characters (C0, DEL, C1: ESC and the 8-bit CSI
 * start sequences that retitle the window, clear the screen or move the cursor) and the bidi
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which reorder the rest of the
 * line on a bidi terminal: one cell could reverse the columns after it. The bidi marks (U+200E,
 * U+200F, U+061C) stay: they are zero-width letters that only settle the direction of the
 * punctuation beside them, cannot reorder text around them, and belong in Hebrew and Arabic names.
 */

/** Unsafe beyond C0: DEL, C1, the line and paragraph separators, bidi embeddings to isolates. */
const BEYOND_C0 = '\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE = new RegExp(`[\\u0000-\\u001f${BEYOND_C0}]`, 'g');
const UNSAFE_BEYOND_C0 = new RegExp(`[${BEYOND_C0}]`, 'g');

/** Unsafe characters that break a line or space it; printed as a space. */
const SPACING = /[\t\n\v\f\r\u0085\u2028\u2029]/;

/** U+FFFD shows where a character was taken out, without the character's effect. */
const REPLACEMENT = '\uFFFD';

/**
 * `text` with every unsafe character replaced: line breaks and tabs by a space, the rest by U+FFFD.
 * The characters of `keep` (say `\n` for multi-line output) are left as they are. One character
 * in, one out, so the width in code points does not change.
 */
export function scrub(text: string, keep?: string): string {
  return text.replace(UNSAFE, (char) =>
    keep?.includes(char) ? char : SPACING.test(char) ? ' ' : REPLACEMENT,
  );
}

/**
 * JSON.stringify's output with the unsafe characters it leaves raw (all but C0, which it escapes
 * inside strings: the C0 left are its own line breaks and indentation) written as `\uXXXX`
 * escapes. They can only occur inside strings, where the escape means the same character, so the
 * JSON value is unchanged.
 */
export function escapeUnsafe(json: string): string {
  return json.replace(
    UNSAFE_BEYOND_C0,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
