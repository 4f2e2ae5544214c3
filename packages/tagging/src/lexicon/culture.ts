import type { LexiconEntry } from './types.ts';

/** Culture: museums and heritage, classical performing arts, festivals and traditions, ideas, languages. */
export const culture: LexiconEntry = {
  strong: [
    `museum museums culture cultural cultures exhibition exhibitions opera operas ballet ballets philharmonic flamenco
      biennale anthropology heritage+site world+heritage+site unesco unesco+site art+scene cultured poetry+reading
      tea+ceremony opera+house royal+opera+house la+scala the+met+opera met+opera bolshoi sydney+opera+house
      concert+hall symphony+orchestra string+quartet chamber+music recital+hall arts+festival literary+festival
      cultural+festival culture+vulture cultural+heritage cultural+centre cultural+center culture+shock british+museum
      natural+history+museum science+museum smithsonian museum+of museum+day museum+night museum+hopping
      gallery+hopping day+of+the+dead dia+de+los+muertos lunar+new+year chinese+new+year diwali holi+festival
      oktoberfest mardi+gras notting+hill+carnival carnaval rio+carnival la+tomatina songkran obon hanami
      lantern+festival mid+autumn+festival christmas+market christmas+markets burns+night philosopher philosophers
      nietzsche kant plato aristotle socrates marcus+aurelius stoicism existentialism sartre simone+de+beauvoir
      linguistics polyglot language+exchange duolingo+streak learning+japanese learning+spanish learning+french
      learning+german learning+italian learning+korean learning+mandarin learning+arabic learning+portuguese
      spanish+class french+class japanese+class architecture+tour brutalist+architecture gothic+architecture
      gothic+cathedral basilica mosque synagogue pagoda monastery 🏛️ 🏛`,
  ],
  normal: [
    `festival festivals opera+singer venice+biennale heritage traditional folklore orchestra symphony arts theatre
      broadway cathedral temple temples shrine carnival diwali lunar+new+year day+of+the+dead philosophy architecture
      local+culture languages lantern exhibit standing+ovation mythology greek+mythology norse+mythology myths
      architecture+of brutalism brutalist jazz+festival film+festival+circuit world+music folk+dance folk+music
      traditional+music traditional+dress kimono hanbok sari cultural+exchange multicultural bilingual multilingual
      fluent+in japanese+language mandarin arabic+class calligraphy+class tea+house teahouse shrines ballet+dancer
      ballerina opera+tickets ballet+tickets the+nutcracker swan+lake la+traviata carmen+opera the+magic+flute
      madama+butterfly la+boheme don+giovanni highbrow lecture+series public+lecture symposium literary+salon
      poetry+night spoken+word slam+poetry thanksgiving+traditions new+year+traditions`,
  ],
  weak: `tradition traditions documentary lecture customs language history film+festival concert poetry tapas gallery
    etiquette local locals tradition+of ancient classical arts+and festival+season art museum+shop exhibit+on panel
    debate spanish eid ramadan hanukkah passover intellectual ritual rituals ceremony ceremonies architect architects`,
};
