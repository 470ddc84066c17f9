import { MARK_END, MARK_START, unmark } from './search-snippet';

describe('search snippets', () => {
  it('answers the text without marks and where each marked word is', () => {
    const marked = `Your ${MARK_START}refund${MARK_END} for order ${MARK_START}42${MARK_END} is on its way`;
    const { snippet, highlights } = unmark(marked);
    expect(snippet).toBe('Your refund for order 42 is on its way');
    expect(highlights.map(([start, end]) => snippet.slice(start, end))).toEqual(['refund', '42']);
  });

  it('counts offsets in UTF-16 code units, as JavaScript strings index them', () => {
    const { snippet, highlights } = unmark(`🍕 late ${MARK_START}pizza${MARK_END}`);
    expect(snippet.slice(...highlights[0])).toBe('pizza');
  });

  it('ignores an unmatched or empty mark', () => {
    expect(unmark(`a ${MARK_END}b ${MARK_START}${MARK_END}c ${MARK_START}d`)).toEqual({ snippet: 'a b c d', highlights: [] });
  });
});
