import { describe, expect, it } from 'vitest';
import { MAX_MENTIONS, parseMentions } from '../src/text.ts';

describe('parseMentions', () => {
  it('finds @handles, lowercased, each once, in order', () => {
    expect(parseMentions('hi @Maria and @hanna_2, @maria again')).toEqual(['maria', 'hanna_2']);
    expect(parseMentions('(@john) @alex! @bob.')).toEqual(['john', 'alex', 'bob']);
  });

  it('ignores e-mail addresses, @@, a bare @ and handles longer than 32 characters', () => {
    expect(parseMentions('mail me at maria@example.org or @@hanna or @ alone')).toEqual([]);
    expect(parseMentions(`@${'a'.repeat(33)}`)).toEqual([]);
    expect(parseMentions(`@${'a'.repeat(32)}`)).toEqual(['a'.repeat(32)]);
  });

  it(`keeps at most ${MAX_MENTIONS}`, () => {
    const text = Array.from({ length: 30 }, (_, i) => `@u${i}`).join(' ');
    expect(parseMentions(text)).toHaveLength(MAX_MENTIONS);
  });
});
