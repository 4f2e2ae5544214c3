import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { MAX_TAGS, TAGS, type Tag } from '@chirp/core';
import { createLocalTagger, GROUP_NAMES, TAG_GROUPS } from '../src/index.ts';
import { compileLexicon } from '../src/compile-lexicon.ts';

const tagger = createLocalTagger();
const corpus = ['labelled', 'holdout'].flatMap((name) =>
  readFileSync(new URL(`../data/${name}.jsonl`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { text: string }).text),
);

describe('local tagger', () => {
  it.each<[string, Tag]>([
    ['Just finished a new novel and cannot stop thinking about the ending. Book club tonight!', 'bookworms'],
    ['What a goal in the derby last night, the stadium was shaking ⚽', 'sports_fans'],
    ['Anyone up for some Minecraft tonight? 🎮', 'gamers'],
    ['Best ramen I have ever had, the broth was unreal 🍜', 'foodies'],
    ['Adopted a kitten from the shelter today, meet Pickles 🐱', 'pet_lovers'],
    ['New squat PR at the gym this morning 💪', 'fitness_freaks'],
    ['Passport renewed and flights booked, two weeks in Japan ✈️', 'wanderlust'],
    ['Repotted my monstera and the pothos finally has new growth', 'plant_lovers'],
    ['Switched to reusable bags and started composting, zero waste here I come ♻️', 'eco-friendly'],
    ['Binge-watched the whole season in one night, that finale episode 📺', 'TV_show_lovers'],
    ['Bought my first index fund today, slowly building the portfolio 📈', 'finance_fanatics'],
    ['Opened a bottle of Pinot Noir from the vineyard we visited 🍷', 'wine_connoisseurs'],
    ['#BookTok made me buy six paperbacks', 'bookworms'],
  ])('tags %j with %s', (text, expected) => {
    expect(tagger.tag(text)).toContain(expected);
  });

  it.each(['ok see you at 5', 'lol', 'can you send me that file again?', 'running 10 minutes late', 'thanks!', '', '   ', '🙂'])(
    'gives no tag to %j',
    (text) => {
      expect(tagger.tag(text)).toEqual([]);
    },
  );

  it('adds close synonyms when the match is strong', () => {
    const tags = tagger.tag('Movie night at the cinema: a Kubrick double feature and way too much popcorn 🍿🎬');
    expect(tags).toContain('movie_lovers');
    expect(tags).toContain('movie_buffs');
  });

  it('gives the primary tag only when the match is weak', () => {
    expect(tagger.tag('reading a novel on the bus')).toEqual(['bookworms']);
  });

  it('is deterministic, also across instances and call histories', () => {
    const other = createLocalTagger();
    const first = corpus.map((t) => tagger.tag(t));
    const reversed = [...corpus].reverse().map((t) => other.tag(t)).reverse();
    expect(reversed).toEqual(first);
    expect(corpus.map((t) => tagger.tag(t))).toEqual(first);
  });

  it('always answers a subset of the vocabulary, at most 5, without duplicates', () => {
    // The labelled tweets, plus mash-ups of them that hit many interests at once.
    const mashups = corpus.map((t, i) => `${t} ${corpus[(i * 7 + 3) % corpus.length]} ${corpus[(i * 13 + 5) % corpus.length]}`);
    const vocabulary = new Set<string>(TAGS);
    let sawFive = false;
    for (const text of [...corpus, ...mashups]) {
      const tags = tagger.tag(text);
      expect(tags.length).toBeLessThanOrEqual(MAX_TAGS);
      expect(new Set(tags).size).toBe(tags.length);
      for (const tag of tags) expect(vocabulary.has(tag)).toBe(true);
      sawFive ||= tags.length === MAX_TAGS;
    }
    expect(sawFive).toBe(true);
  });

  it('counts a repeated word once', () => {
    expect(tagger.explain('game game game game')).toEqual(tagger.explain('game'));
  });

  it('lets a phrase decide over its words: a plant-based burger is not about houseplants', () => {
    const tags = tagger.tag('This plant-based burger is so good');
    expect(tags).toContain('vegan_advocates');
    expect(tags).not.toContain('plant_lovers');
  });

  it('rejects bad options naming the field', () => {
    expect(() => createLocalTagger({ threshold: -1 })).toThrow(/threshold/);
  });
});

describe('tag groups and lexicon', () => {
  it('put every vocabulary tag in exactly one group', () => {
    const grouped = GROUP_NAMES.flatMap((g) => [...TAG_GROUPS[g]]);
    expect([...grouped].sort()).toEqual([...TAGS].sort());
  });

  it('give every group words to match, hundreds in all', () => {
    const lexicon = compileLexicon();
    const perGroup = new Array<number>(lexicon.groups.length).fill(0);
    for (const hits of lexicon.hits) for (const { group } of hits) perGroup[group]!++;
    for (const [i, count] of perGroup.entries()) expect(count, lexicon.groups[i]).toBeGreaterThanOrEqual(25);
    expect(lexicon.hits.length).toBeGreaterThan(1_500);
  });
});
