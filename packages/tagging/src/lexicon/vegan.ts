import type { LexiconEntry } from './types.ts';

/** Vegan and plant-based living: food, swaps and brands, animal rights. */
export const vegan: LexiconEntry = {
  strong: [
    `vegan vegans veganism plant+based plantbased whole+food+plant+based wfpb veganuary dairy+free dairyfree meat+free
      meatless meatless+monday cruelty+free animal+rights tempeh seitan tvp go+vegan went+vegan going+vegan
      vegan+cheese vegan+butter vegan+leather vegan+recipe vegan+recipes vegan+restaurant vegan+options vegan+friendly
      vegan+bakery vegan+ramen vegan+pizza vegan+burger beyond+meat beyond+burger impossible+burger impossible+whopper
      quorn factory+farming factory+farms animal+agriculture plant+based+diet tofu+scramble flax+egg aquafaba nooch
      nutritional+yeast cashew+cheese oat+milk almond+milk soy+milk plant+milk oatly egg+free no+animal+products
      animal+products+free vegan+for+a+year vegan+for+six+months vegan+life vegan+food vegan+meal vegan+meals
      vegan+baking dairy+alternatives meat+alternatives meat+substitute plant+protein`,
  ],
  normal: [
    `tofu oat+milk cashew+based nut+based oat+based soy+based almond+milk nutritional+yeast vegetarian vegetarians
      animal+welfare egg+free cashew+cheese jackfruit jackfruit+tacos lentil+curry lentil+soup chickpea+curry
      bean+burger veggie+burger veggie+burgers plant+milk meat+eater meat+eaters no+meat cutting+out+meat cut+out+meat
      gave+up+meat gave+up+dairy cut+out+dairy without+meat without+dairy dairy+swap vegan+swap legumes buddha+bowl
      pescatarian flexitarian vegetarian+for`,
  ],
  weak: `veggie veggies lentils chickpeas cashew 🌱 🥑 beans plants+only animals cruelty meat dairy milk
    cheese+alternative`,
};
