import { ESCAPED_BYTE } from '../io/find.js';

// Text from outside (file names, record fields, library messages) made safe for a terminal: a control
// character could move the cursor, recolour or rewrite the screen, and a line break could fake a message.

/** C0 and C1 controls, DEL, bidirectional overrides, line/paragraph separators, and stand-ins for non-UTF-8 bytes (see io/find.ts). */
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]|${ESCAPED_BYTE.source}`, 'g');

/**
 * `text` with each unsafe character written as an escape: `\n`, `\t`, `\e`, `\xHH` (a byte that was not
 * UTF-8 in a file name, see io/find.ts, or a control character) or `\u{HHHH}`.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    if (code === 0x1b) return '\\e';
    if (code >= 0xdc80) return `\\x${(code - 0xdc00).toString(16)}`;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
