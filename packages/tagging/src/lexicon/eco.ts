import type { LexiconEntry } from './types.ts';

/** Green living: climate, waste and recycling, clean energy, low-impact habits, conservation, activism. */
export const eco: LexiconEntry = {
  strong: [
    `sustainable sustainability zero+waste low+waste recycle recycling recycled compost composting composted
      vermicompost worm+bin wormery worm+farm food+waste food+scraps climate+change climate+crisis climate+emergency
      global+warming climate+action climate+strike climate+justice climate+activist climate+activists
      extinction+rebellion fridays+for+future greta+thunberg cop28 cop29 cop30 paris+agreement net+zero carbon+neutral
      carbon+negative carbon+footprint carbon+emissions co2+emissions greenhouse+gas greenhouse+gases fossil+fuels
      fossil+fuel fracking renewable renewables renewable+energy clean+energy green+energy solar+panel solar+panels
      solar+power solar+energy rooftop+solar wind+turbine wind+turbines wind+farm wind+farms wind+power heat+pump
      heat+pumps energy+efficient energy+efficiency plastic+free plastic+free+july single+use reusable reusables
      refill+shop refill+store refillable bulk+store bulk+bins eco eco+friendly ecofriendly green+living go+green
      environmentalist environmentalists deforestation reforestation rewilding tree+planting planted+trees plant+trees
      biodegradable compostable fast+fashion slow+fashion beach+cleanup beach+clean litter+pick litter+picking
      litter+picker river+cleanup ocean+cleanup earth+day earth+hour car+free car+free+day greenwashing microplastics
      plastic+pollution landfill beeswax+wraps beeswax+wrap bamboo+toothbrush shampoo+bar shampoo+bars reusable+bags
      reusable+bag metal+straw metal+straws reusable+cup keepcup buy+nothing buy+nothing+group repair+cafe
      right+to+repair eco+warrior eco+warriors save+the+planet climate+anxiety eco+anxiety permaculture
      regenerative+farming regenerative+agriculture sustainable+living ethical+fashion fair+trade b+corp electric+bus
      public+transit public+transport rainwater+harvesting rain+barrel water+butt greywater energy+bill+dropped
      carbon+offset carbon+offsets emissions+target ev+charging ♻️ ♻`,
  ],
  normal: [
    `climate solar own+containers my+own+containers reusable+containers bring+your+own bringing+my+own
      picked+up+litter bags+of+trash bags+of+rubbish bags+of+litter bags+of+plastic plastic plastics environment
      environmental emissions upcycle upcycled upcycling secondhand second+hand thrift thrifted thrifting cleanup
      conservation planet pollution beeswax refill refillable electric+vehicle electric+vehicles ev biodiversity
      public+transport wind+power activist activists secondhand+clothes preloved pre+loved thrift+store charity+shop
      op+shop bike+to+work cycle+to+work walk+to+work walkable walkability train+instead+of+flying flight+free
      meatless+monday less+meat local+produce seasonal+produce farmers+market+haul grow+your+own organic+farm
      insulation draft+proofing draught+proofing loft+insulation led+bulbs energy+saving save+energy saving+energy
      turned+off+the+heating smart+meter clean+air toxic+chemicals pesticides endangered endangered+species
      habitat+loss wildlife+conservation protect+the+ocean save+the+bees pollinators pollinator+garden
      wildflower+meadow no+mow+may bee+hotel bug+hotel`,
    `water+filter stopped+buying+bottled+water refillable+bottle reusable+bottle reusable+water+bottle`,
  ],
  weak: `bottled+water stopped+buying air+quality green organic reduce reuse litter protest recycled waste energy+bill
    nature bike+commute 🌍 🌎 🌏 🌱 carbon bamboo containers charging plastic+bag plastic+bags straws packaging glass+jars
    jars compost+bin local+farm planet+earth earth future+generations`,
};
