import { describe, it, expect } from 'vitest';
import { MAX_TAGS, TAGS } from '@chirp/core';
import { normalizeTags, toTag } from '../src/normalize-tags.ts';

describe('normalizeTags', () => {
  it('maps case, `-`, `_` and spaces onto the vocabulary spelling', () => {
    expect(normalizeTags(['MOVIE-LOVERS', 'eco friendly', 'diy crafts', 'tv-show-lovers'])).toEqual([
      'movie_lovers',
      'eco-friendly',
      'DIY_crafts',
      'TV_show_lovers',
    ]);
  });

  it('drops labels outside the vocabulary', () => {
    expect(normalizeTags(['Book_Club', 'goodvib', 'bookworms'])).toEqual(['bookworms']);
  });

  it('accepts an object with a tags array', () => {
    expect(normalizeTags({ tags: ['Foodies', ' #wine_connoisseurs '] })).toEqual(['foodies', 'wine_connoisseurs']);
  });

  it('dedupes, keeping first-seen order', () => {
    expect(normalizeTags(['gamers', 'GAMERS', 'Gamers', 'pet lovers', 'gamers'])).toEqual(['gamers', 'pet_lovers']);
  });

  it(`keeps at most ${MAX_TAGS}`, () => {
    expect(normalizeTags([...TAGS])).toEqual(TAGS.slice(0, MAX_TAGS));
  });

  it('ignores non-string entries and off-shape input', () => {
    expect(normalizeTags([42, null, { tag: 'foodies' }, 'foodies'])).toEqual(['foodies']);
    expect(normalizeTags('foodies')).toEqual([]);
    expect(normalizeTags({ tags: 'foodies' })).toEqual([]);
    expect(normalizeTags(null)).toEqual([]);
    expect(normalizeTags(undefined)).toEqual([]);
  });

  it('forgives a missing plural but nothing looser', () => {
    expect(toTag('foodie')).toBe('foodies');
    expect(toTag('gamer')).toBe('gamers');
    expect(toTag('food')).toBeNull();
  });

  it('maps every vocabulary tag to itself, however it is cased', () => {
    for (const tag of TAGS) {
      expect(toTag(tag.toUpperCase())).toBe(tag);
      expect(toTag(tag.replace(/[_-]/g, ' '))).toBe(tag);
    }
  });
});
