import type { Tag } from '@chirp/core';

/**
 * The vocabulary has near-synonyms (`movie_lovers` / `movie_buffs`); a tweet about one is about
 * the other. Each group names one interest: its first tag is the one the local tagger always
 * gives, the rest are added when the match is strong. Every tag belongs to exactly one group.
 */
export const TAG_GROUPS = {
  movies: ['movie_lovers', 'movie_buffs'],
  sports: ['sports_fans', 'sports_enthusiasts'],
  music: ['music_lovers', 'music_aficionados'],
  fashion: ['fashion_lovers', 'fashion_followers'],
  food: ['foodies', 'food_fanatics'],
  gaming: ['gamers', 'gamers_tribe'],
  travel: ['wanderlust', 'travel_bugs'],
  tech: ['tech_savvy', 'tech_geeks'],
  books: ['bookworms'],
  drama: ['drama_lovers'],
  art: ['art_lovers'],
  finance: ['finance_fanatics'],
  social: ['social_media_junkies', 'social_media_geeks'],
  culture: ['culture_vultures', 'culture_aficionados'],
  pets: ['pet_lovers'],
  family: ['family_oriented'],
  health: ['health_enthusiasts'],
  history: ['history_lovers'],
  diy: ['DIY_crafts'],
  photo: ['photography_fanatics'],
  outdoors: ['outdoors_adventurers', 'outdoor_enthusiasts'],
  cars: ['car_lovers'],
  eco: ['eco-friendly', 'green_living', 'eco_warriors'],
  nature: ['nature_lovers', 'nature_aficionados'],
  comics: ['comic_book_buffs', 'comic_lovers'],
  cycling: ['cycling_enthusiasts'],
  vegan: ['vegan_advocates'],
  startup: ['entrepreneurs'],
  tv: ['TV_show_lovers'],
  fitness: ['fitness_freaks'],
  wine: ['wine_connoisseurs'],
  home: ['home_decor_lovers', 'interior_design_lovers'],
  plants: ['plant_lovers'],
  adventure: ['adventure_seekers'],
} as const satisfies Record<string, readonly [Tag, ...Tag[]]>;

export type TagGroup = keyof typeof TAG_GROUPS;

export const GROUP_NAMES = Object.keys(TAG_GROUPS) as TagGroup[];

const GROUP_OF: ReadonlyMap<Tag, TagGroup> = new Map(GROUP_NAMES.flatMap((group) => TAG_GROUPS[group].map((tag): [Tag, TagGroup] => [tag, group])));

/** The interest a tag belongs to. */
export function groupOf(tag: Tag): TagGroup {
  const group = GROUP_OF.get(tag);
  if (group === undefined) throw new Error(`tag ${tag} has no group`); // guarded by a test over TAGS
  return group;
}
