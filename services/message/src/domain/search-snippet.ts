/** The marks the search query puts around the words it found; taken out of the text before it marks. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** A marked excerpt as plain text and the places of its marked words (`[start, end)` in UTF-16 code units). */
export function unmark(marked: string): { snippet: string; highlights: Array<[number, number]> } {
  let snippet = '';
  let start = -1;
  const highlights: Array<[number, number]> = [];
  for (const char of marked) {
    if (char === MARK_START) start = snippet.length;
    else if (char === MARK_END) {
      if (start >= 0 && snippet.length > start) highlights.push([start, snippet.length]);
      start = -1;
    } else snippet += char;
  }
  return { snippet, highlights };
}
