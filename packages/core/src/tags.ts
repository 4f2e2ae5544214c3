/** The article's fixed vocabulary of 50 tags, in its order and spelling. */
export const TAGS = [
  'movie_lovers', 'sports_fans', 'music_lovers', 'fashion_lovers', 'foodies', 'gamers', 'wanderlust',
  'tech_savvy', 'bookworms', 'drama_lovers', 'art_lovers', 'finance_fanatics', 'social_media_junkies',
  'culture_vultures', 'pet_lovers', 'family_oriented', 'health_enthusiasts', 'history_lovers',
  'DIY_crafts', 'photography_fanatics', 'outdoors_adventurers', 'car_lovers', 'green_living',
  'nature_lovers', 'fashion_followers', 'culture_aficionados', 'travel_bugs', 'comic_book_buffs',
  'eco-friendly', 'cycling_enthusiasts', 'vegan_advocates', 'music_aficionados', 'eco_warriors',
  'entrepreneurs', 'movie_buffs', 'adventure_seekers', 'tech_geeks', 'TV_show_lovers', 'fitness_freaks',
  'outdoor_enthusiasts', 'gamers_tribe', 'wine_connoisseurs', 'home_decor_lovers', 'sports_enthusiasts',
  'social_media_geeks', 'comic_lovers', 'food_fanatics', 'plant_lovers', 'interior_design_lovers',
  'nature_aficionados',
] as const;
export type Tag = (typeof TAGS)[number];
export const MAX_TAGS = 5;
