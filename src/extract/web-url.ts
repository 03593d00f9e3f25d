// In a module of its own so that reading exports does not load the HTML parser with html-meta.
/** `text` as an absolute http(s) URL, or undefined. */
export function webUrl(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
