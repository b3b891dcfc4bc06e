/**
 * Quotes text taken from outside (a cookie line, a JSON fragment, a file
 * name) for a message: control characters, including ESC, are escaped, so a
 * crafted file cannot move the cursor or recolour a terminal, and long text
 * is cut.
 */
export function quoted(text: string, max = 80): string {
  const cut = [...text];
  const shown = cut.length > max ? `${cut.slice(0, max).join('')}…` : text;
  return `"${escapeControls(shown)}"`;
}

/** C0, DEL, C1 and the bidirectional overrides, as \\xNN / \\uNNNN; quotes and backslashes escaped. */
export function escapeControls(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069"\\]/g,
    (c) => {
      if (c === '"') return '\\"';
      if (c === '\\') return '\\\\';
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      if (c === '\t') return '\\t';
      const code = c.charCodeAt(0);
      return code <= 0xff
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`;
    },
  );
}

/**
 * Text about to reach a terminal, with every control character but TAB and
 * newline shown as \xNN: a last guard for messages that carry a name from
 * outside (a file name with an ESC in it) on their way to stderr.
 */
export function escapeTerminal(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => {
      const code = c.charCodeAt(0);
      return code <= 0xff
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`;
    },
  );
}
