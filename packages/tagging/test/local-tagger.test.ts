import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { MAX_TAGS, TAGS, type Tag } from '@chirp/core';
import { createLocalTagger, GROUP_NAMES, TAG_GROUPS, type TagGroup } from '../src/index.ts';
import { compileLexicon } from '../src/compile-lexicon.ts';
import type { LexiconEntry } from '../src/lexicon/index.ts';

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
    // Named things: games, teams, players, bands, dishes, places, shows.
    ['#EldenRing is eating my weekend', 'gamers'],
    ['Celtics vs Knicks tonight, Brunson is cooking', 'sports_fans'],
    ['Arctic Monkeys at Glastonbury was unreal', 'music_lovers'],
    ['Birria tacos at the new taqueria', 'foodies'],
    ['Three nights in Kyoto then the bullet train to Tokyo', 'wanderlust'],
    ['Hiking the Tongariro Crossing', 'outdoors_adventurers'],
    ['That Succession finale though', 'TV_show_lovers'],
    // Indirect phrasing.
    ['Finally beat the last boss after 40 tries', 'gamers'],
    ['The writers fumbled the last season of that show', 'TV_show_lovers'],
    ['Filed the LLC paperwork this morning', 'entrepreneurs'],
    ['Signed our first enterprise customer', 'entrepreneurs'],
  ])('tags %j with %s', (text, expected) => {
    expect(tagger.tag(text)).toContain(expected);
  });

  it.each([
    'ok see you at 5',
    'lol',
    'can you send me that file again?',
    'running 10 minutes late',
    'thanks!',
    '',
    '   ',
    '🙂',
    'the game plan for monday is to survive',
    'my phone screen cracked again',
    'the printer jammed again',
    'none of my business but the new neighbours are loud',
    'I need to renew my car insurance before Friday',
    'dentist appointment moved to thursday',
  ])('gives no tag to %j', (text) => {
    expect(tagger.tag(text)).toEqual([]);
  });

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
    const reversed = [...corpus]
      .reverse()
      .map((t) => other.tag(t))
      .reverse();
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

  it('lets the longest phrase at a position win, so a neutral phrase can silence a shorter telling one', () => {
    expect(tagger.tag('my car')).toContain('car_lovers');
    expect(tagger.explain('renewing my car insurance')).toEqual([]);
  });

  it('never lets a phrase say less about its own interest than its words would', () => {
    const food = (text: string): number => tagger.explain(text).find((g) => g.group === 'food')?.score ?? 0;
    expect(food('that pizza place downtown')).toBeGreaterThanOrEqual(food('that pizza downtown'));
    expect(tagger.tag('Saw a family of foxes by the canal')).toEqual(['nature_lovers']);
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

  it('give every group words to match, hundreds each', () => {
    const lexicon = compileLexicon();
    const perGroup = new Array<number>(lexicon.groups.length).fill(0);
    for (const hits of lexicon.hits) for (const { group } of hits) perGroup[group]!++;
    for (const [i, count] of perGroup.entries()) expect(count, lexicon.groups[i]).toBeGreaterThanOrEqual(150);
    expect(lexicon.hits.length).toBeGreaterThan(15_000);
  });

  const only = (group: TagGroup, entry: LexiconEntry): Record<TagGroup, LexiconEntry> =>
    Object.fromEntries(GROUP_NAMES.map((g) => [g, g === group ? entry : {}])) as Record<TagGroup, LexiconEntry>;

  it('match a common-noun phrase listed in the plural also in the singular, but not a strong name', () => {
    const lexicon = compileLexicon(only('startup', { normal: 'enterprise+customers', strong: 'blue+jays' }), [], []);
    expect(lexicon.phrases.has('enterprise customer')).toBe(true);
    expect(lexicon.phrases.has('blue jay')).toBe(false);
  });

  it('spell a phrase joined only when the joined form is long enough to mean it', () => {
    const lexicon = compileLexicon(only('fashion', { normal: 'h+m book+club' }), [], []);
    expect(lexicon.exact.has('bookclub')).toBe(true);
    expect(lexicon.exact.has('hm')).toBe(false);
  });

  it('reject malformed terms naming the group', () => {
    expect(() => compileLexicon(only('diy', { normal: 'glue++gun' }), [], [])).toThrow(/diy/);
    expect(() => compileLexicon(only('diy', { normal: 'gl*' }), [], [])).toThrow(/diy/);
  });
});
