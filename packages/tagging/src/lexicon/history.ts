import type { LexiconEntry } from './types.ts';

/** History: eras and empires, wars, historical figures and sites, archaeology, genealogy. */
export const history: LexiconEntry = {
  strong: [
    `history historical constantinople fall+of+rome fall+of+constantinople historian historians ancient medieval
      world+war world+war+i world+war+ii world+war+one world+war+two ww2 wwii ww1 wwi civil+war pharaoh pharaohs
      archaeology archaeologist archaeologists archaeological genealogy genealogist egyptology byzantine
      renaissance+era history+buff history+nerd history+books history+book history+podcast history+lesson
      history+class history+documentary middle+ages dark+ages bronze+age iron+age stone+age neolithic paleolithic
      prehistoric antiquity classical+antiquity ancient+egypt ancient+egyptians ancient+greece ancient+greeks
      ancient+rome ancient+romans roman+empire ottoman+empire mongol+empire persian+empire british+empire
      holy+roman+empire byzantine+empire aztec+empire inca+empire genghis+khan tudors henry+viii henry+the+eighth
      elizabethan victorian+era victorian+times edwardian georgian+era regency+era industrial+revolution
      french+revolution american+revolution revolutionary+war gilded+age roaring+twenties great+depression
      the+great+war the+blitz holocaust cold+war space+race moon+landing apollo+11 berlin+wall iron+curtain
      cuban+missile+crisis vietnam+war korean+war napoleonic+wars hundred+years+war wars+of+the+roses the+crusades
      crusades crusaders feudal feudalism anglo+saxon anglo+saxons norman+conquest battle+of+hastings magna+carta
      julius+caesar augustus+caesar cleopatra tutankhamun king+tut hieroglyphs hieroglyphics rosetta+stone
      alexander+the+great carthage sumerian sumerians mesopotamia babylon aztec aztecs mayan+ruins maya+civilization
      inca incas samurai+era shogunate edo+period meiji+era ming+dynasty qing+dynasty han+dynasty tang+dynasty
      abraham+lincoln founding+fathers george+washington winston+churchill fdr gandhi nelson+mandela
      martin+luther+king civil+rights+movement suffragettes suffragette queen+victoria elizabeth+i anne+boleyn
      marie+antoinette joan+of+arc charlemagne rasputin romanov romanovs third+reich ussr soviet+union pearl+harbor
      hiroshima bletchley+park enigma+code alan+turing pompeii herculaneum colosseum the+colosseum parthenon acropolis
      stonehenge hadrian+wall great+wall+of+china terracotta+army terracotta+warriors angkor+wat+temples dig+site
      artefact artefacts primary+sources archival ancestry+com ancestry+dna family+tree+research
      on+this+day+in+history this+day+in+history historic+site historic+house historic+building stately+home
      national+trust english+heritage museum+of+history war+memorial battlefield+tour battlefields normandy+beaches
      d+day+beaches omaha+beach the+somme ypres gallipoli waterloo+battlefield`,
    // sites, treasures and finds
    `tower+of+london crown+jewels the+crown+jewels roman+coins roman+coin roman+villa roman+road roman+fort
      treasure+hoard metal+detecting metal+detector detectorist medieval+coins found+a+roman anglo+saxon+hoard
      sutton+hoo vindolanda hadrians+wall bath+abbey roman+baths westminster+abbey hampton+court windsor+castle
      tower+of+london+tour the+tudors mary+rose`,
    `anne+frank anne+frank+house`,
  ],
  normal: [
    `empire empires family+history history+books documentary emperor empress dynasty roman romans pyramid pyramids
      castle castles artifact artifacts ruins fossil fossils century centuries historic colosseum viking vikings
      archives ancestors ancestry monument monuments napoleon churchill documentaries revolution constantinople
      byzantium ottoman sparta spartans mesopotamia babylon aztec inca samurai tudor victorian+era titanic pompeii
      ancient+rome monarchy monarchs kings+and+queens coronation medieval+castle knights knight+in+armour war+history
      military+history naval+history local+history social+history art+history+lecture museum+archive old+photos+of
      old+maps antique antiques antique+shop vintage+photos 1800s 1700s 1600s 18th+century 19th+century 17th+century
      16th+century 15th+century 12th+century 20th+century centuries+old year+old+castle thousand+years+old bce ad+79
      normans pharaoh+tomb tomb tombs mummy+exhibit sphinx giza petra+jordan machu+picchu+ruins great+wall terracotta
      hadrian lincoln+memorial reenactment re+enactment historical+fiction genealogy+research great+great+grandfather
      great+great+grandmother my+ancestors our+ancestors my+great+grandfather my+great+grandmother ellis+island
      immigration+records census+records normandy gettysburg verdun nazi nazis stalin lenin tsar relic relics d+day
      excavation excavations crusader`,
    `hoard`,
  ],
  weak: `war wars battle battles museum heritage old letters ancient+times past era eras king queen kings queens royal
    royals throne crown soldier soldiers army navy memorial medals ruin documentary jfk armour armor knights caesar
    waterloo hastings`,
};
