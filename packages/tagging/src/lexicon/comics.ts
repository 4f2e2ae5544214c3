import type { LexiconEntry } from './types.ts';

/** Comics and manga: publishers and shops, superheroes and series, creators, collecting, conventions. */
export const comics: LexiconEntry = {
  strong: [
    `comic comics dark+horse comic+book comic+books comic+shop comic+store comic+con comiccon graphic+novel
      graphic+novels manga manhwa manhua webtoon webtoons webcomic webcomics dc+comics marvel+comics image+comics
      dark+horse+comics boom+studios idw 2000+ad the+beano tintin asterix calvin+and+hobbes garfield+comic
      the+far+side xkcd superhero superheroes supervillain supervillains batman superman wonder+woman green+lantern
      aquaman harley+quinn catwoman nightwing gotham justice+league teen+titans spider+man spiderman miles+morales
      spider+verse iron+man captain+america black+panther doctor+strange scarlet+witch deadpool wolverine x+men xmen
      fantastic+four guardians+of+the+galaxy daredevil punisher moon+knight ms+marvel hellboy watchmen sandman maus
      persepolis v+for+vendetta the+killing+joke the+long+halloween long+halloween dark+knight+returns frank+miller
      alan+moore stan+lee jack+kirby todd+mcfarlane jim+lee grant+morrison tom+king+batman brian+k+vaughan
      jonathan+hickman naruto dragon+ball my+hero+academia jujutsu+kaisen chainsaw+man attack+on+titan berserk
      vagabond+manga vinland+saga demon+slayer spy+x+family death+note fullmetal+alchemist junji+ito toriyama
      eiichiro+oda shonen shounen seinen shojo shoujo isekai mangaka tankobon new+comic+book+day ncbd pull+list
      pull+box variant+cover first+appearance key+issue cgc slabbed back+issues longbox omnibus trade+paperback tpb
      inker colorist letterer splash+page sdcc nycc variant+covers issue+1 issue+one 🦸 🦹 🦸‍♀️ 🦸‍♂️ 🦹‍♀️ 🦹‍♂️`,
    `one+piece one+piece+chapter one+piece+manga`,
  ],
  normal: [
    `marvel avengers the+batman one+piece inking cosplay anime crossover crossovers issue+1 justice+league
      chainsaw+man watchmen sandman maus persepolis superhero+movie mutants mutant thor hulk loki+comics saga+comic
      the+boys+comic spawn+comic gotham+city metropolis+daily bruce+wayne clark+kent peter+parker tony+stark the+joker
      joker+comic comic+art comic+artist comic+writer manga+volume new+volume volume+1 volume+2 latest+volume
      light+novel light+novels one+punch+man bleach+manga jojos+bizarre+adventure dragon+ball+z dbz sailor+moon
      pokemon+manga studio+trigger comic+strip comic+strips funnies the+funnies cartoonist cartoonists print+run
      single+issues`,
  ],
  weak: `dc first+print venom invincible kryptonite jojo cartoon cartoons trades panel panels hero heroes villain
    villains issue volume volumes cape caped mask powers origin+story arc multiverse universe series writer reboot
    variant cover covers collector collection`,
};
