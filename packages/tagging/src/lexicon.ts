import type { TagGroup } from './tag-groups.ts';

/**
 * What the local tagger knows: for each interest, the words that signal it, in three tiers.
 * A `strong` word is enough on its own; a `normal` word needs a second clue; a `weak` word only
 * tips a tweet that already leans that way. Ambiguous words (`game`, `track`, `season`, `plant`)
 * are weak in several groups on purpose, so context decides.
 *
 * Term syntax, whitespace separated:
 *   word        the token, or its plural (`novel` matches `novels`)
 *   stem*       any token starting with the stem, when no exact term matched (`hik*`: hike, hiking)
 *   two+words   adjacent tokens; also matches the joined form, as in a hashtag (`book+club`: #bookclub)
 *   #tag        only as a hashtag
 *   emoji       the pictograph itself
 */
export interface LexiconEntry {
  readonly strong?: string;
  readonly normal?: string;
  readonly weak?: string;
}

export const TIER_WEIGHTS = { strong: 3, normal: 2, weak: 1 } as const;

export const LEXICON: Readonly<Record<TagGroup, LexiconEntry>> = {
  movies: {
    strong: `movie movies movie* cinema cinemas cinephile multiplex imax blockbuster filmmaker* screenplay screenwriter*
      moviegoer* oscars letterboxd pixar a24 sundance box+office film+festival film+buff movie+night movie+theater
      movie+theatre horror+film horror+movie rom+com best+picture best+actress best+actor best+director criterion+collection
      director+cut blu+ray mcu 🍿 🎬`,
    normal: `film films cinem* cinematography cinematic director directed actor actress actors actresses screening
      premiere trailer remake reboot franchise hollywood bollywood nollywood biopic matinee popcorn cameo sequel prequel
      oscar cannes spielberg scorsese tarantino kubrick nolan villeneuve wes+anderson ghibli star+wars marvel avengers
      big+screen extended+edition lord+of+the+rings harry+potter 🎞️ 🎞
      subtitles film+night movie+marathon double+feature director+commentary`,
    weak: `rewatch rewatched rewatching scene scenes credits dvd horror thriller comedy documentary animated trilogy
      streaming plot+twist villain cast masterpiece disney
      red+carpet`,
  },
  sports: {
    strong: `football soccer basketball baseball hockey nfl nba mlb nhl mls wnba fifa uefa premier+league
      champions+league world+cup super+bowl playoff playoffs stadium touchdown home+run homerun slam+dunk wimbledon
      olympics olympic goalkeeper quarterback striker midfielder penalty+kick hat+trick ufc boxing wrestling cricket rugby
      tennis golf league referee halftime semifinal semi+final offside grand+slam espn fantasy+football game+day gameday
      match+day matchday season+ticket fourth+quarter inning innings pitcher transfer+window 🏀 ⚽ 🏈 ⚾ 🏒 🎾 🏉 🏏 ⛳ 🏟️ 🏟
      red+card yellow+card`,
    normal: `match coach refs overtime kickoff derby scoreline mvp athlete athletes championship finals tournament
      medal marathon racquet sprinter ncaa messi ronaldo var the+refs the+ref 🏆 🥇`,
    weak: `team teams fans goal goals game games season final score scored draft ball win won racing f1 formula+1
      grand+prix qualifying sport sports`,
  },
  music: {
    strong: `music musician musicians album albums concert concerts gig gigs setlist spotify playlist song songs
      guitar guitarist bassist drummer drums piano pianist violin violinist cello saxophone trumpet orchestra symphony
      philharmonic vinyl lyrics singer songwriter rapper hip+hop hiphop jazz techno edm coachella glastonbury melody
      bassline on+repeat grammy grammys record+player record+store turntable mixtape encore acoustic live+music
      classical+music composer soundcloud bandcamp choir banger bop kpop k+pop mosh+pit apple+music new+album 🎵 🎶 🎸 🎧 🎹 🎷 🎺 🎻 🥁 🎤
      lp lps favourite+band favorite+band live+show new+single`,
    normal: `band bands rap blues metal punk dj festival soundtrack chorus riff karaoke sing singing sang tour
      front+row mozart beethoven bach chopin mahler opera sax track tracks ep single headphones listening musical
      new+track synth
      venue the+drop chills+every`,
    weak: `tickets listen billboard pop slaps radio beat beats stage rock`,
  },
  fashion: {
    strong: `fashion fashionable outfit outfits ootd wardrobe streetwear sneaker sneakers sneakerhead runway couture
      vogue gucci prada balenciaga chanel dior louis+vuitton versace hermes fashion+week lookbook stylist blazer
      jeans denim trousers loafers heels handbag menswear womenswear capsule+wardrobe fit+check fitcheck 👗 👠 👟 👜 👔 🧥 👒 👡 👢
      gown red+carpet+look clothes+haul new+fit`,
    normal: `designer dress dresses skirt jacket scarf jewelry jewellery tailored drip copped stylish trendy makeup
      thrift* leather+jacket zara uniqlo nike adidas boutique accessories sunglasses  dressed 
      clothes clothing red+carpet outfit+repeat`,
    weak: `vintage style trend trends fit fits hoodie shirt tshirt boots haul minimalist boho skincare nails shopping
      secondhand wear wearing
      tote coat`,
  },
  food: {
    strong: `food foodie foodies recipe recipes delicious yummy tasty restaurant restaurants brunch cuisine tasting+menu
      pasta pizza sushi ramen taco tacos burrito burger burgers noodle noodles dumpling dumplings curry steak bbq barbecue
      sourdough croissant pastry pastries dessert charcuterie bakery omakase street+food food+truck takeout michelin
      appetizer tapas foodporn air+fryer meal+prep kimchi bibimbap dim+sum pho paella risotto lasagna 🍕 🍔 🍣 🍜 🌮 🍝 🥐 🍰 🍩 🍳 🥘 🍲 🍱 🍛 🥟 🌯 🍤 🥞 🧁 🍪 🥯 🍟 🍗 🥩`,
    normal: `cook cooking cooked chef dish dishes bake baking baked bread cake cookies chocolate cheese homemade
       hungry spicy flavor flavour flavors flavours seasoning grill* menu scallop oyster oysters shrimp lobster
      crab salmon fries noodle loaf dough meal meals donut doughnut pancake pancakes waffle bagel avocado+toast sauce
      soup salad snack snacks fried+chicken chicken wings glaze marinade eggs+benedict brisket foodie kitchen+table
      farmers+market     🥗 🍽️ 🍽`,
    weak: `eat eating ate dinner lunch breakfast kitchen oven fried fruit vegetables coffee bite tasted taste sweet
      savory savoury fresh crispy eggs rice
      cafe café latte espresso from+scratch`,
  },
  gaming: {
    strong: `gaming gamer gamers videogame videogames video+game video+games esports playstation ps5 ps4 xbox nintendo
      steam+deck minecraft fortnite valorant zelda pokemon roblox overwatch skyrim cyberpunk+2077 counter+strike csgo dota
      league+of+legends animal+crossing final+fantasy speedrun speedrunning speedrunner rpg mmo mmorpg dlc boss+fight
      respawn multiplayer playthrough gameplay indie+game npc dungeons tabletop dnd twitch+stream 🎮 🕹️ 🕹
      final+boss boss+battle stardew hades hollow+knight among+us terraria the+sims baldurs+gate`,
    normal: `switch+2 nintendo+switch cyberpunk ranked loot controller console fps co+op coop arcade board+game board+games
      monopoly chess halo mario gta apex squad+up lobby patch+notes battle+pass twitch steam`,
    weak: `game games play played playing level levels boss rank squad glitch quest gpu achievement`,
  },
  travel: {
    strong: `travel travels traveling travelling traveler travellers traveller travelers travel* vacation vacay passport
      airport layover jet+lag jetlag itinerary wanderlust hostel hostels sightseeing getaway road+trip backpacking
      backpacker digital+nomad solo+trip ✈️ ✈ 🧳 🛫 🛬`,
    normal: `trip trips flight flights hotel airbnb resort abroad overseas tourist tourists destination destinations
      cruise souvenir souvenirs packing carry+on bucket+list landed boarding lounge visa roaming jet+set 🗺️ 🗺 🏝️ 🏝 🏖️ 🏖
      iceland japan italy spain greece thailand vietnam bali mexico peru morocco portugal croatia france
      kyoto santorini rome barcelona amsterdam prague istanbul marrakech patagonia tuscany
      countries connecting+flight fjord fjords norway switzerland scotland ireland new+zealand`,
    weak: `explore exploring beach island holiday holidays paris london tokyo new+york nyc dubai sunset 🌅 🌍 🌎 🌏
      tour journey city temples`,
  },
  tech: {
    strong: `tech technology software hardware programming programmer developer developers coding linux macos macbook iphone
      android smartphone gadget gadgets raspberry+pi arduino api apis javascript typescript golang kubernetes docker aws
      azure github open+source machine+learning chatgpt llm llms artificial+intelligence gpu cpu ssd firmware cybersecurity
      smart+home home+assistant homelab self+hosted selfhosted mechanical+keyboard ios nvidia devops frontend backend
      compiler vscode vim debugging debug deploy deployed deployment database sql saas techie 💻 🖥️ 🖥
      vpn password+manager ipad airpods smartwatch`,
    normal: `code  ai python rust server servers benchmark benchmarks cloud bug bugs hacker hackers keyboard pc
      microsoft google apple samsung vr router wifi geek robot robots robotics algorithm usb 5g app+update windows
      3d+printer 3d+printing semiconductor chip chips m4 m3 startup+tech ⌨️ ⌨ 🤖 📱
      new+laptop`,
    weak: `app apps update install build terminal monitor screen pixel nerd glitch battery data tesla
      laptop
      notifications users charging`,
  },
  books: {
    strong: `book books novel novels novelist bookworm book+club bookclub booktok bookstagram paperback paperbacks hardcover
      hardback ebook kindle audiobook audiobooks tbr bookshop bookstore page+turner memoir fiction nonfiction literature
      literary goodreads storygraph novella bestseller reading+list 📚 📖 📕 📗 📘 📙`,
    normal: `reading reader readers reread rereading library author authors chapter chapters poetry poem poems annotate
      annotating annotated publisher publishing manuscript tolkien dostoevsky tolstoy austen dickens orwell hemingway
      kafka murakami bookshelf graphic+novel lord+of+the+rings harry+potter`,
    weak: `read reads pages fantasy trilogy series writing writer story sci+fi`,
  },
  drama: {
    strong: `broadway west+end playwright shakespeare monologue audition auditioned auditions rehearsal rehearsals
      opening+night curtain+call kdrama k+drama kdramas cdrama soap+opera telenovela improv understudy thespian
      theatre+group theater+group 🎭
      standing+ovation`,
    normal: `theatre theater drama dramas acting musical tragedy act+one act+two second+act stage+play the+play
      theatrical playhouse`,
    weak: `play stage actor actress cast performance comedy plot+twist cliffhanger finale audience`,
  },
  art: {
    strong: `art artist artists artwork artworks painting paintings painter sculpture sculptor sculptors mural murals
      watercolor watercolour watercolors oil+painting acrylics sketchbook sketching illustration illustrator street+art
      graffiti art+show art+exhibit art+gallery fine+art contemporary+art modern+art printmaking louvre moma van+gogh
      picasso monet rembrandt da+vinci frida 🎨 🖼️ 🖼`,
    normal: `gallery canvas paint sketch drawing    exhibition pottery ceramics portrait portraits
      calligraphy doodle doodles artsy acrylic charcoal renaissance`,
    weak: `museum abstract brush brushes creative masterpiece colors colours frames
      draw drew
      exhibit`,
  },
  finance: {
    strong: `stock stocks stock+market investing investor investors investment investments portfolio dividend dividends
      etf etfs index+fund crypto bitcoin ethereum btc nasdaq wall+street interest+rate interest+rates inflation recession
      mortgage mortgages 401k bull+market bear+market hedge+fund forex credit+score net+worth fintech finance finances
      student+loan student+loans debt+free personal+finance 📈 📉 💰`,
    normal: `shares invest loan loans debt budget budgeting savings ira retirement pension bonds treasury earnings trading
      trader traders credit+card taxes accounting bookkeeping financial frugal economy economic markets ipo valuation
      wealth paycheck payday banking nft nfts s+p dow+jones fed+rate the+fed 💵 💸 🪙`,
    weak: `money cash bank tax market fed dollar dollars assets yield profit profits price prices salary bills apple`,
  },
  social: {
    strong: `social+media instagram insta tiktok twitter snapchat facebook youtube youtuber influencer influencers
      followers follower subscribers went+viral viral content+creator reel reels hashtag hashtags retweet retweets
      doomscroll doomscrolling screen+time selfie selfies livestream livestreaming vlog vlogger vlogs linkedin bluesky
      mastodon threads+app the+algorithm discourse 🤳`,
    normal: `creator creators algorithm repost reposted engagement scrolling posted memes meme trending sponsored collab
      podcast podcasts reddit pinterest streamer tweet tweets tweeting threads`,
    weak: `likes views post posts feed timeline dms dm ratio online app content channel 📱
      notifications`,
  },
  culture: {
    strong: `museum museums culture cultural cultures exhibition exhibitions opera ballet philharmonic flamenco biennale
      anthropology heritage+site art+scene cultured poetry+reading
      tea+ceremony`,
    normal: `festival festivals heritage tradition traditions traditional folklore orchestra symphony arts theatre
      broadway cathedral temple temples shrine carnival diwali lunar+new+year day+of+the+dead philosophy architecture
       local+culture languages lantern
      exhibit
      standing+ovation`,
    weak: `documentary lecture customs language history film+festival concert poetry tapas
      gallery
      etiquette`,
  },
  pets: {
    strong: `pet pets dog dogs puppy puppies pup pups doggo doggos cat cats kitten kittens kitty vet rescue+dog
      dog+park catnip litter+box kibble furbaby fur+baby pawrent hamster parrot budgie goldfish tortoise gecko ferret
      guinea+pig meow woof purr purring tabby labrador golden+retriever corgi pug poodle beagle dachshund husky terrier
      chihuahua bulldog wagging 🐶 🐱 🐕 🐈 🐾 🐩 🐰 🐹 🦜 🐕‍🦺 🐈‍⬛`,
    normal: `shelter rescue adopted adopt leash rabbit bunny aquarium good+boy good+girl paw paws groomer treats walkies
      vet+visit`,
    weak: `fetch bark barking grooming bird birds chewed`,
  },
  family: {
    strong: `parenting parenthood toddler toddlers family+dinner family+time family+vacation newborn my+kids my+daughter
      my+son my+kid daughter son grandkids grandchildren fathers+day mothers+day school+run homeschool homeschooling
      stroller diaper diapers nappy daycare playdate tooth+fairy 👨‍👩‍👧 👨‍👩‍👧‍👦 👪`,
    normal: `family kids kid children child     parents grandma grandpa grandmother grandfather nana
      siblings sister brother sisters brothers cousin cousins nephew niece aunt uncle mother father hubby in+laws twins
      year+old bedtime reunion my+husband my+wife the+kids 👶
      my+mom my+dad my+mum my+parents my+grandma my+grandpa`,
    weak: `baby birthday anniversary wedding home papa
      mom dad mum mama`,
  },
  health: {
    strong: `health healthy wellness mental+health meditation meditate meditating mindfulness nutrition nutritionist
      vitamins blood+pressure cholesterol checkup check+up hydration gut+health self+care selfcare wellbeing well+being
      intermittent+fasting probiotic probiotics breathwork immune+system`,
    normal: `  supplements diet doctor therapist anxiety immune calories fasting detox hydrated skincare
      energy+levels burnout physio physiotherapy physical+therapy  medical vaccine sober sobriety alcohol+free
      whole+foods  yoga no+sugar added+sugar 🩺 🧘
      sleep+schedule sleep+hygiene better+sleep my+sleep sleep+quality blood+sugar`,
    weak: `therapy sugar salt protein water recovery injury sick flu hospital journaling organic fermented
      headache rest 💊
      dentist sleep sleeping stress`,
  },
  history: {
    strong: `history historical historian ancient medieval world+war ww2 wwii ww1 wwi civil+war pharaoh archaeology
      archaeologist archaeological genealogy egyptology byzantine renaissance+era history+buff`,
    normal: `empire emperor dynasty roman romans pyramid pyramids castle castles artifact artifacts ruins fossil fossils
      century centuries historic colosseum viking vikings archives ancestors ancestry monument napoleon churchill
      documentaries documentary revolution constantinople byzantium ottoman sparta mesopotamia babylon aztec
      inca samurai tudor victorian+era
      titanic pompeii ancient+rome`,
    weak: `war battle museum heritage old letters`,
  },
  diy: {
    strong: `diy handmade crafting crafts knit knitting knitted crochet crocheting crocheted sewing sew 
      quilting quilt woodworking woodwork upcycle upcycled upcycling hot+glue glue+gun 3d+print 3d+printed power+tools
      sawdust chalk+paint refinish refinished handcrafted yarn macrame scrapbook scrapbooking leathercraft decoupage
      scrap+wood candle+making 🧶 🧵 🪡 🪚 🛠️ 🛠`,
    normal: `craft crafty homemade sanding fabric pottery ceramics cosplay etsy resin beading stencil soldering reclaimed
      pallet cutting+board raised+bed raised+beds sewing+machine makers renovation renovated workbench 🔨 ✂️ ✂
      embroidery
      sanded stained restoring restored`,
    weak: `paint painted project build built fix fixed repair restore tutorial pattern candles glue drill workshop
      from+scratch`,
  },
  photo: {
    strong: `photography photographer photographers lens lenses aperture shutter exposure dslr mirrorless nikon fujifilm
      leica prime+lens golden+hour photoshoot photo+shoot shot+on lightroom bokeh tripod long+exposure astrophotography
      street+photography film+photography landscape+photography darkroom portra 📸 📷
      film+camera`,
    normal: `photo photos camera portrait portraits canon kodak polaroid blue+hour milky+way wedding+photos
      photo+walk   35mm+film film+roll roll+of+film 🎞️`,
    weak: `editing edited developing framing composition drone sunset sunrise picture pictures pic pics
      shoot shooting
      shots the+light`,
  },
  outdoors: {
    strong: `hike hikes hiking hiked hiker hikers trail+run trail+running trail+runner camping campsite campfire tent
      rock+climbing bouldering national+park outdoors sleeping+bag trailhead wilderness backcountry
      thru+hike switchbacks glamping kayak kayaking kayaked canoe canoeing mountaineering trek trekking 🥾 ⛺ 🏕️ 🏕 🏔️ 🏔 ⛰️ ⛰`,
    normal: `backpacking trail trails camp outdoor summit summited climbing paddle paddleboard fishing hunting skiing ski
      snowboarding snowboard surfing surf  mountains yosemite yellowstone zion grand+canyon rockies appalachian
      patagonia scrambling fresh+air woods 🧗
      hammock viewpoint lookout`,
    weak: `peak lake river forest sunrise picnic nature beach wild muddy mud climb
      mountain`,
  },
  cars: {
    strong: ` cars turbo horsepower v8 v6 v12 sports+car supercar supercars porsche ferrari lamborghini mclaren bmw
      audi mercedes nascar formula+1 f1 grand+prix pole+position motorsport motorsports race+car track+day car+show
      classic+car muscle+car test+drive mpg electric+car ceramic+coating manual+transmission oil+change dealership
      roadster my+car new+car first+car 🚗 🏎️ 🏎 🚙
      brake+pads gas+guzzler`,
    normal: `driving engine toyota honda subaru mazda ford chevy jeep tesla  rally   detailing
      transmission exhaust tires tyres rims mechanic mileage convertible ev hybrid motorcycle motorbike 🏁
      car
      brakes`,
    weak: `drive drove wheels garage miles road qualifying hp wax speed
      drift drifting racing
      traded+in charging`,
  },
  eco: {
    strong: `sustainable sustainability zero+waste recycle recycling recycled compost composting climate+change
      climate+crisis climate+action carbon+footprint renewable renewables solar+panel solar+panels plastic+free
      single+use reusable eco eco+friendly ecofriendly green+living go+green environmentalist fossil+fuels deforestation
      biodegradable fast+fashion beach+cleanup earth+day climate+strike net+zero greenwashing heat+pump car+free ♻️ ♻`,
    normal: `climate solar plastic environment environmental emissions upcycle upcycled upcycling secondhand second+hand
      thrift thrifted thrifting cleanup conservation planet  pollution beeswax refill refillable electric+vehicle
      ev biodiversity public+transport wind+power activist activists `,
    weak: `green organic reduce litter protest recycled waste energy+bill nature bike+commute 🌍 🌎 🌏 🌱
      carbon bamboo
      containers charging`,
  },
  nature: {
    strong: `nature wildlife forest forests wilderness birdwatching birding wildflower wildflowers waterfall waterfalls
      foliage autumn+colors fall+foliage rainforest aurora northern+lights nature+walk naturalist national+park
      🌲 🌳 🦌 🦋 🏞️ 🏞 🦅 🦉`,
    normal: `bird birds meadow mountains ocean trees moss mossy deer fox owl eagle hedgehog squirrel whale whales
      dolphin dolphins kingfisher woods landscape landscapes scenery glacier glaciers canyon volcano coral+reef jungle
      night+sky milky+way eclipse ecosystem botanical wild+flowers the+wild bloom blooming stars 🍂 🍁 🌊 🌿 🐦
      fjord fjords orca orcas waves tide tides`,
    weak: `lake river sea sunrise sunset tree leaves peaceful earth outdoors mountain hike hiking trail beach flowers
      🌸 🌼 🌻`,
  },
  comics: {
    strong: `comic comics comic+book comic+books comic+shop comic+con comiccon graphic+novel graphic+novels manga
      dc+comics superhero superheroes spiderman spider+man batman superman x+men wolverine variant+cover webcomic
      webcomics trade+paperback longbox image+comics dark+horse omnibus 🦸 🦹`,
    normal: `marvel avengers one+piece  inking cosplay anime crossover crossovers issue+1 dc justice+league
      chainsaw+man
      watchmen sandman maus persepolis`,
    weak: `panel panels hero villain issue
      first+print`,
  },
  cycling: {
    strong: `cycling cyclist cyclists bicycle bicycles biking road+bike gravel+bike gravel+ride mountain+bike
      mountain+biking mtb tour+de+france tour+de peloton spin+class velodrome bike+lane bike+lanes bike+commute bmx ebike
      e+bike derailleur chainring gran+fondo sportive century+ride bike+ride 🚴 🚲 🚵
      cycled`,
    normal: `bike bikes strava cadence pedal pedals pedaling headwind giro vuelta saddle cleats carbon+frame`,
    weak: `ride rides rode riding climb descent commute km
      cycle`,
  },
  vegan: {
    strong: `vegan vegans veganism plant+based plantbased veganuary dairy+free dairyfree meat+free meatless
      cruelty+free animal+rights tempeh seitan go+vegan beyond+meat impossible+burger factory+farming vegan+cheese`,
    normal: `tofu oat+milk almond+milk nutritional+yeast vegetarian animal+welfare egg+free cashew+cheese`,
    weak: `veggie lentils chickpeas cashew 🌱 🥑`,
  },
  startup: {
    strong: `startup startups founder founders cofounder co+founder entrepreneur entrepreneurs entrepreneurship
      small+business side+hustle seed+round series+a pitch+deck venture+capital mrr arr bootstrapped b2b
      y+combinator ecommerce e+commerce solopreneur business+owner business+owners own+boss growth+hacking
      product+launch 💼`,
    normal: `business fundraising investors pitching vc launched mvp saas customers hustle ceo shopify revenue profitable
      freelance freelancer freelancing corporate+job my+business marketing clients yc
      our+app our+startup`,
    weak: `pitch launch scaling hiring brand acquired exit deck quit 🚀
      users small+team`,
  },
  tv: {
    strong: `tv television tv+show tv+shows tv+series episode episodes netflix hbo hulu disney+plus prime+video
      binge binged binging binge+watch binge+watched sitcom sitcoms reality+tv reality+show showrunner docuseries
      miniseries new+season season+finale kdrama thrones breaking+bad bake+off talk+show love+island 📺`,
    normal: `series finale spoiler spoilers cliffhanger anime streaming+service the+tv on+tv pilot+episode stranger+things
      cancelled+show
      next+season`,
    weak: `season seasons premiere cast watching rewatch rewatched renewed cancelled drama`,
  },
  fitness: {
    strong: `gym workout workouts fitness leg+day arm+day chest+day back+day deadlift deadlifts squat squats
      bench+press reps lifting weightlifting powerlifting bodybuilding crossfit hiit cardio marathon half+marathon
      treadmill dumbbell dumbbells kettlebell kettlebells pushups push+ups pullups pull+ups personal+trainer pilates
      triathlon ironman strength+training 💪 🏋️ 🏋
      rest+day`,
    normal: `exercise exercising runner jog jogging went+running go+running running+shoes morning+run long+run pr personal+best plank planks abs gains protein yoga
      stretching bootcamp athletic sore spin+class trail+run 🏃 🏃‍♀️ 🏃‍♂️ 🤸
      thousand+steps 10k+steps`,
    weak: `running run ran fit training trainer calories steps streak sets weights mobility sweat km`,
  },
  wine: {
    strong: `wine wines winery wineries vineyard vineyards sommelier wine+tasting cabernet merlot pinot chardonnay
      sauvignon riesling malbec syrah shiraz zinfandel tempranillo rioja chianti prosecco grenache nebbiolo beaujolais
      sancerre red+wine white+wine tannins tannin decant decanted corkscrew tasting+notes oaky terroir varietal
      natural+wine orange+wine vino 🍷 🍾
      glass+of+red glass+of+white`,
    normal: `champagne rosé bordeaux napa sonoma cellar pairing notes+of sherry cava 🥂`,
    weak: `vintage bottle bottles cork oak grape grapes harvest tasting`,
  },
  home: {
    strong: `interior+design interior+designer interiors decor home+decor decorating redecorated redecorating furniture
      kitchen+renovation accent+chair throw+pillows gallery+wall mid+century midcentury countertops backsplash
      accent+wall reading+nook apartment+tour home+tour room+makeover feng+shui decorate 🛋️ 🛋`,
    normal: `renovation remodel remodeling sofa rug rugs curtains cushions armchair living+room scandinavian boho
      wallpaper shelving nook ikea vase fixtures headboard dresser makeover decorated duvet bedding home+office`,
    weak: `lamp lamps lighting cozy cosy bedroom marble tiles shelves bookshelf minimalist aesthetic brass velvet
      apartment kitchen frames 🏡 🏠 🪴
      layout bulbs`,
  },
  plants: {
    strong: `houseplant houseplants house+plant house+plants plant+parent plant+mom plant+dad succulent succulents
      cactus cacti monstera pothos fiddle+leaf snake+plant bonsai repot repotted repotting propagate propagating
      propagation vegetable+garden seedling seedlings grow+light greenhouse gardening gardener green+thumb
      plant+shopping 🪴 🌵`,
    normal: `plant plants fern ferns orchid orchids ficus cuttings soil potting garden seeds sprout sprouting new+growth
      new+leaf unfurled planted planting bloom blooming flowers tulips watering botanical herbs raised+bed 🌱 🌿`,
    weak: `leaf leaves tomatoes roses nursery compost pots pot green
      basil`,
  },
  adventure: {
    strong: `adventure adventures adventurous adrenaline skydiving skydive bungee paragliding base+jumping zip+line
      zipline whitewater white+water rafting cliff+jumping cage+dive daredevil extreme+sports ice+climbing
      mountaineering expedition canyoning caving spelunking hang+gliding kitesurfing safari motorcycle+trip 🪂
      cliff+jump cliff+jumping hot+air+balloon`,
    normal: `scuba diving thrill thrills thrilling bucket+list off+grid explorer heart+pounding surfing snowboarding
      backpacking trek trekking rock+climbing solo+trip 🧗 🏄
      heart+racing jumped+off`,
    weak: `shark sharks wild epic dare fearless survival volcano climbing road+trip solo`,
  },
};

/** Tokens that start with a digit are matched by shape rather than spelling (`50mm`, `64gb`, `1453`). */
export const NUMBER_PATTERNS: ReadonlyArray<{ readonly pattern: RegExp; readonly group: TagGroup; readonly weight: number }> = [
  { pattern: /^\d{2,3}mm$/, group: 'photo', weight: TIER_WEIGHTS.normal },
  { pattern: /^\d+(gb|tb)$/, group: 'tech', weight: TIER_WEIGHTS.normal },
  { pattern: /^\d+(kg|lbs?)$/, group: 'fitness', weight: TIER_WEIGHTS.weak },
  { pattern: /^\d+(km|mi)$/, group: 'cycling', weight: TIER_WEIGHTS.weak },
  { pattern: /^1[0-8]\d\d$|^1[0-8]00s$|^1\dth$/, group: 'history', weight: TIER_WEIGHTS.weak },
];

/**
 * Phrases that use a telling word in a telling-nothing way: they absorb their words and score
 * nothing, so `singing in the car` is not about cars.
 */
export const NEUTRAL_PHRASES: readonly string[] = ['in+the+car', 'in+my+car', 'by+car', 'car+park', 'heart+racing'];
