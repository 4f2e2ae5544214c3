import type { TagGroup } from '../tag-groups.ts';
import { TIER_WEIGHTS, type LexiconEntry } from './types.ts';
import { adventure } from './adventure.ts';
import { art } from './art.ts';
import { books } from './books.ts';
import { cars } from './cars.ts';
import { comics } from './comics.ts';
import { culture } from './culture.ts';
import { cycling } from './cycling.ts';
import { diy } from './diy.ts';
import { drama } from './drama.ts';
import { eco } from './eco.ts';
import { family } from './family.ts';
import { fashion } from './fashion.ts';
import { finance } from './finance.ts';
import { fitness } from './fitness.ts';
import { food } from './food.ts';
import { gaming } from './gaming.ts';
import { health } from './health.ts';
import { history } from './history.ts';
import { home } from './home.ts';
import { movies } from './movies.ts';
import { music } from './music.ts';
import { nature } from './nature.ts';
import { outdoors } from './outdoors.ts';
import { pets } from './pets.ts';
import { photo } from './photo.ts';
import { plants } from './plants.ts';
import { social } from './social.ts';
import { sports } from './sports.ts';
import { startup } from './startup.ts';
import { tech } from './tech.ts';
import { travel } from './travel.ts';
import { tv } from './tv.ts';
import { vegan } from './vegan.ts';
import { wine } from './wine.ts';

export { TIER_WEIGHTS, type LexiconEntry, type Terms } from './types.ts';

/** One file per interest group; see `types.ts` for the tiers and the term syntax. */
export const LEXICON: Readonly<Record<TagGroup, LexiconEntry>> = {
  movies,
  sports,
  music,
  fashion,
  food,
  gaming,
  travel,
  tech,
  books,
  drama,
  art,
  finance,
  social,
  culture,
  pets,
  family,
  health,
  history,
  diy,
  photo,
  outdoors,
  cars,
  eco,
  nature,
  comics,
  cycling,
  vegan,
  startup,
  tv,
  fitness,
  wine,
  home,
  plants,
  adventure,
};

/** Tokens that start with a digit and are not listed are matched by shape (`50mm`, `64gb`, `1453`). */
export const NUMBER_PATTERNS: ReadonlyArray<{ readonly pattern: RegExp; readonly group: TagGroup; readonly weight: number }> = [
  { pattern: /^\d{2,3}mm$/, group: 'photo', weight: TIER_WEIGHTS.normal },
  { pattern: /^\d+(gb|tb)$/, group: 'tech', weight: TIER_WEIGHTS.normal },
  { pattern: /^\d+(kg|lbs?)$/, group: 'fitness', weight: TIER_WEIGHTS.weak },
  { pattern: /^\d+(km|mi)$/, group: 'cycling', weight: TIER_WEIGHTS.weak },
  { pattern: /^\d+(fps|hz)$/, group: 'gaming', weight: TIER_WEIGHTS.weak },
  { pattern: /^1[0-8]\d\d$|^1[0-8]00s$|^1\dth$/, group: 'history', weight: TIER_WEIGHTS.weak },
];

/**
 * Phrases that use a telling word in a telling-nothing way: they absorb their words and score
 * nothing, so `singing in the car` is not about cars and `at the office` is not the TV show.
 */
export const NEUTRAL_PHRASES: readonly string[] = [
  'in+the+car',
  'in+my+car',
  'by+car',
  'car+park',
  'heart+racing',
  'the+met+office',
  'game+plan',
  'game+changer',
  'ball+park',
  'ballpark+figure',
  'on+the+ball',
  'drop+the+ball',
  'level+up',
  'play+it+by+ear',
  'plays+a+role',
  'no+big+deal',
  'big+deal',
  'it+was+a+trip',
  'power+nap',
  'time+to+kill',
  'killing+time',
  'team+meeting',
  'team+lunch',
  'team+call',
  'team+building',
  'work+trip',
  'trip+to+the+store',
  'trip+to+the+dentist',
  'cut+to+the+chase',
  'break+a+leg',
  'screen+share',
  'share+my+screen',
  'phone+battery',
  'phone+charger',
  'the+post+office',
  'post+office',
  'spin+the+wheel',
  'track+of+time',
  'on+track',
  'back+on+track',
  'keep+track',
  'lost+track',
  'fair+game',
  'long+story+short',
  'story+of+my+life',
  'pet+peeve',
  'pet+peeves',
  'fender+bender',
  'none+of+my+business',
  'not+my+business',
  'mind+my+business',
  'mind+your+own+business',
  'over+the+moon',
  'butterflies+in+my+stomach',
  'let+them+cook',
  'let+him+cook',
  'let+her+cook',
  'let+me+cook',
  'let+their+writers+cook',
  'flea+market',
  'gave+me+anxiety',
  'giving+me+anxiety',
  'my+car+insurance',
  'car+insurance',
  'the+oval+office',
  'oval+office',
  'think+outside+the+box',
  'flight+of+stairs',
  'flights+of+stairs',
];
