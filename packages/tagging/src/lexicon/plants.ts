import type { LexiconEntry } from './types.ts';

/** Plants and gardening: houseplants,  and repotting, vegetable and flower gardens, growing. */
export const plants: LexiconEntry = {
  strong: [
    `houseplant houseplants house+plant house+plants plant+parent plant+parents plant+mom plant+dad plant+lady
      crazy+plant+lady plant+haul plant+shop plant+shopping plant+collection succulent succulents cactus cacti
      monstera monsteras monstera+deliciosa monstera+albo pothos golden+pothos philodendron philodendrons alocasia
      calathea calatheas maranta prayer+plant peace+lily zz+plant snake+plant sansevieria spider+plant rubber+plant
      rubber+tree fiddle+leaf fiddle+leaf+fig string+of+pearls hoya hoyas anthurium begonia begonias tradescantia
      peperomia pilea chinese+money+plant bird+of+paradise aloe+vera jade+plant air+plant air+plants terrarium
      terrariums bonsai variegated variegation fenestration fenestrations aroid aroids repot repotted repotting
      propagating propagation propagation+station root+rot aerial+roots overwatered overwatering underwatered
      watering+can grow+light grow+lights grow+tent potting+mix potting+soil perlite fertilizer fertiliser fertilized
      terracotta+pot terracotta+pots planter planters hanging+planter greenhouse polytunnel gardening gardener
      gardeners allotment veg+patch vegetable+garden veggie+garden kitchen+garden herb+garden raised+bed+garden
      seedling seedlings seed+starting direct+sow hardening+off germinated germination mulch mulching weeding pruning
      pruned deadheading tomato+plants tomato+plant grow+my+own grow+your+own homegrown home+grown first+harvest
      green+thumb black+thumb flower+bed flower+beds flower+garden rose+bush rose+bushes hydrangea hydrangeas peonies
      peony dahlias dahlia perennials annuals+in bulbs+in+the planting+bulbs kew+gardens botanical+garden
      botanical+gardens botanic+garden garden+centre garden+center plant+nursery chelsea+flower+show rhs 🪴 🌵`,
  ],
  normal: [
    `plant plants fern ferns orchid orchids ficus cuttings soil potting garden gardens seeds sprout sprouting sprouted
      new+growth new+leaf unfurled unfurling planted planting bloom blooming flowers tulips watering botanical herbs
      raised+bed 🌱 🌿 zucchini courgette courgettes raspberries blueberry+bush apple+tree lemon+tree fig+tree
      fruit+trees harvested+the harvest+from+the+garden back+garden front+garden the+allotment garden+bed garden+beds
      shrub shrubs hedges lawn+care lavender+plant basil+plant mint+plant herbs+on+the+windowsill windowsill+herbs
      nodes node+cutting yellow+leaves brown+tips leaf+drop dropped+leaves new+leaves compost+heap watered+the+plants
      watered+my+plants misting humidity+tray pest+control fungus+gnats spider+mites sowed sown sowing transplanted
      transplanting propagate propagated propagation aphids slugs`,
    `ripening ripened my+tomatoes my+tomato+plants my+peppers my+chillies my+courgettes my+zucchini my+cucumbers
      my+strawberries my+seedlings my+houseplants my+plants+are`,
  ],
  weak: `leaf leaves tomatoes roses nursery compost pots pot green basil pepper peppers chillies chilies cucumbers
    lettuce kale strawberries blueberries squash pumpkins mint rosemary thyme sage lavender sunflowers tulip roots
    root soil+is weeds hedge lawn mowing mowed watered sunlight windowsill harvest bloom`,
};
