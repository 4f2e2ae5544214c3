import type { LexiconEntry } from './types.ts';

/** Food: dishes and cuisines, cooking and baking, restaurants and eating out. */
export const food: LexiconEntry = {
  strong: [
    // food talk, cooking and eating out
    `food foodie foodies recipe recipes delicious yummy tasty scrumptious mouthwatering restaurant restaurants brunch
      cuisine cuisines tasting+menu street+food food+truck food+trucks takeout takeaway michelin michelin+star
      appetizer appetizers tapas foodporn foodstagram air+fryer airfryer meal+prep food+coma hangry home+cooked
      homecooked home+cook dinner+party potluck cookbook cookbooks chef+table sous+chef line+cook food+hall
      food+market night+market+food food+blog food+blogger food+review food+tour gastropub bistro trattoria pizzeria
      taqueria izakaya ramen+shop noodle+bar dim+sum+place bakery patisserie boulangerie creperie slow+cooker crockpot
      instant+pot dutch+oven cast+iron+pan cast+iron+skillet sous+vide stir+fry stir+fried deep+fried pan+fried
      air+fried oven+baked braised slow+cooked slow+roasted marinated marinating caramelized caramelised sauteed
      sautéed simmering kneading proofing+the mise+en+place knife+skills sourdough+starter dough+rising umami gourmet
      gastronomy main+course side+dish dessert desserts ubereats uber+eats doordash deliveroo grubhub just+eat`,
    // dishes
    `pasta pizza sushi ramen taco tacos burrito burritos burger burgers noodle noodles dumpling dumplings steak bbq
      barbecue sourdough croissant croissants pastry pastries charcuterie omakase kimchi bibimbap dim+sum pho paella
      risotto lasagna lasagne spaghetti carbonara bolognese gnocchi ravioli tortellini fettuccine alfredo pesto
      tiramisu gelato cannoli focaccia bruschetta prosciutto burrata mozzarella arancini neapolitan+pizza
      margherita+pizza pepperoni calzone sashimi nigiri maki+rolls udon soba tempura katsu tonkatsu katsu+curry gyoza
      onigiri bento takoyaki okonomiyaki miso+soup yakitori wagyu teriyaki banh+mi bun+cha spring+rolls summer+rolls
      pad+thai tom+yum green+curry red+curry massaman satay laksa rendang nasi+goreng bao bao+buns xiao+long+bao
      char+siu peking+duck hot+pot hotpot mapo+tofu kung+pao chow+mein fried+rice lo+mein bulgogi tteokbokki
      korean+fried+chicken japchae korean+bbq kbbq quesadilla quesadillas enchilada enchiladas tamales tamale birria
      birria+tacos al+pastor carnitas guacamole nachos churros pozole ceviche empanada empanadas arepa arepas feijoada
      biryani tikka+masala chicken+tikka butter+chicken naan dosa dosas samosa samosas dal daal paneer chana+masala
      vindaloo korma tandoori falafel hummus shawarma kebab kebabs doner gyro gyros souvlaki moussaka tzatziki baklava
      tagine couscous shakshuka jollof jollof+rice injera croquetas patatas+bravas baguette crepe crepes crêpes quiche
      ratatouille coq+au+vin bouillabaisse escargot creme+brulee crème+brûlée macarons macaron fondue raclette
      schnitzel bratwurst pretzel pretzels pierogi goulash borscht fish+and+chips full+english sunday+roast
      roast+dinner yorkshire+pudding yorkshire+puddings shepherd+pie cottage+pie bangers+and+mash scone scones
      crumpets brisket pulled+pork smoked+brisket baby+back+ribs mac+and+cheese mac+n+cheese fried+chicken
      chicken+wings buffalo+wings hot+wings smash+burger smashburger cheeseburger cheeseburgers hot+dog hot+dogs
      hotdog philly+cheesesteak cheesesteak lobster+roll clam+chowder chowder gumbo jambalaya po+boy
      biscuits+and+gravy cornbread chili+con+carne grilled+cheese blt club+sandwich bagel bagels lox pastrami reuben
      poke+bowl acai+bowl smoothie+bowl avocado+toast pancake pancakes waffle waffles french+toast eggs+benedict
      omelette omelet cinnamon+roll cinnamon+rolls brownie brownies cupcake cupcakes cheesecake apple+pie pumpkin+pie
      key+lime+pie pecan+pie banana+bread carrot+cake birthday+cake layer+cake donut donuts doughnut doughnuts
      ice+cream sorbet mochi boba bubble+tea pastel+de+nata pasteis+de+nata pastéis+de+nata custard+tart egg+tart
      lemon+tart fruit+tart creme+caramel panna+cotta profiteroles eclair eclairs cronut dim+sum+brunch xlb
      hand+pulled+noodles handmade+pasta fresh+pasta homemade+pasta homemade+pizza homemade+bread homemade+gnocchi
      sourdough+loaf focaccia+art 🍕 🍔 🍣 🍜 🌮 🍝 🥐 🍰 🍩 🍳 🥘 🍲 🍱 🍛 🥟 🌯 🍤 🥞 🧁 🍪 🥯 🍟 🍗 🥩 🥨 🥖 🧇 🍦 🍨 🍧 🥧 🍮 🫕 🥪 🌭 🍙 🍘 🍢 🍡 🧆 🥙 🫔`,
    // chains and famous spots
    `mcdonald mcdonalds chipotle chick+fil+a taco+bell in+n+out five+guys shake+shack kfc popeyes burger+king
      wendy+burger krispy+kreme nando nandos greggs wagamama domino+pizza dominos papa+johns olive+garden
      cheesecake+factory katz+deli pret+a+manger dunkin+donuts tim+hortons`,
    // cuisines, dishes and eating out
    `thai+food indian+food chinese+food japanese+food korean+food mexican+food italian+food french+food greek+food
      vietnamese+food turkish+food lebanese+food ethiopian+food peruvian+food georgian+food sichuan szechuan
      cantonese+food hainanese+chicken+rice chicken+rice bak+kut+teh char+kway+teow roti+canai nasi+lemak
      hawker+centre hawker+center consomme consommé tonkotsu shoyu+ramen tsukemen katsu+sando sando okonomiyaki
      izakaya+crawl ramen+crawl tasting+flight meal+prepped batch+cooked batch+cooking slow+cooked+for made+dinner+for
      cooked+dinner+for baked+bread baked+a+cake baked+cookies bread+making bread+maker dinner+was+incredible
      dinner+was+amazing lunch+was+incredible best+meal best+pizza best+burger best+ramen best+tacos best+sushi
      best+pasta best+croissant best+brunch michelin+starred bib+gourmand food+crawl`,
  ],
  normal: [
    `cook cooking vegan+recipe vegan+recipes vegan+restaurant vegan+bakery vegan+ramen vegan+pizza vegan+burger
      vegan+food beyond+burger impossible+burger jackfruit+tacos bean+burger veggie+burger veggie+burgers vegan+baking
      vegan+meal vegan+meals cooked cooks chef chefs dish dishes bake baking baked bakes bread cake cakes cookies
      chocolate cheese homemade hungry spicy flavor flavour flavors flavours seasoning seasoned grill* menu scallop
      scallops oyster oysters shrimp prawns lobster crab salmon tuna+steak fries loaf dough meal meals donut sauce
      sauces soup soups salad salads snack snacks chicken wings glaze marinade brisket kitchen+table farmers+market
      curry curries chili chilli stew stews casserole skillet wok tortilla tortillas tacos+tonight dumplings+tonight
      noodle+soup broth bone+broth sushi+rolls sushi+place pizza+place taco+place burger+place ramen+place pho+place
      pasta+night taco+tuesday pizza+night burger+night curry+night steak+night date+night+dinner dinner+reservation
      dessert+menu bread+pudding pudding pie pies tart tarts crumble cobbler muffin muffins biscuit scone
      butter+chicken ghee saffron truffle truffles cumin paprika turmeric cardamom chili+oil chilli+oil soy+sauce
      fish+sauce gochujang miso tahini harissa sriracha hot+sauce hot+sauces olive+oil balsamic parmesan parmigiano
      cheddar brie feta halloumi mozzarella+sticks goat+cheese fresh+herbs spices spice+blend spice+rack yeast
      flour+and sugar+and+butter frosting icing ganache whipped+cream batter dessert+first taste+test taste+testing
      flavour+combo flavor+combo the+recipe my+recipe new+recipe recipe+for grandma+recipe family+recipe secret+recipe
      leftovers leftover+pizza ate+so+much ate+too+much diner brewery brewpub craft+beer ipa pale+ale lager cocktail
      cocktails mixology margarita mezcal tequila+tasting espresso+martini negroni spritz aperol+spritz
      old+fashioned+cocktail matcha+latte chai+latte pour+over flat+white cortado specialty+coffee coffee+roaster
      coffee+shop+hopping caesar+salad starbucks+order cafe+hopping garlic+bread food+court 🥗 🍽️ 🍽 ☕ 🧋 🍹 🍸 🍺 🍻`,
    `course+tasting+menu tasting+courses eighteen+courses 18+courses 10+courses chef+special specials+board
      air+fryer+recipe slow+cooker+recipe one+pot+recipe sheet+pan sheet+pan+dinner traybake`,
    `whipped+up`,
  ],
  weak: `eat eating cold+brew barista sandwich sandwiches deli garlic onions shallots ate dinner lunch breakfast
    kitchen oven fried fruit vegetables coffee bite bites tasted taste tastes sweet savory savoury fresh crispy
    crunchy juicy tender eggs egg rice cafe café latte espresso from+scratch starbucks reservation portion portions
    plate plated plating craving cravings feast feasting treat beans potatoes potato tomatoes onion bacon sausage ham
    turkey pork beef lamb fish tofu peppers mushrooms spinach kale lemon lime ginger basil mint cinnamon vanilla
    butter cream milk cereal oats toast table+for+two waiter waitress chippy supper dessert+wine wine+pairing 🍷 salsa
    mole nuggets squash knead roast roasted roasting stout brew beer beers pint pints bar+crawl pub pub+lunch`,
};
