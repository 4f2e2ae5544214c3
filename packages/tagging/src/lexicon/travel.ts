import type { LexiconEntry } from './types.ts';

/** Travel: trips and holidays, flying and trains, stays, and the places people go. */
export const travel: LexiconEntry = {
  strong: [
    `travel travels traveling travelling traveler travellers traveller travelers travel* vacation vacations vacay
      passport airport airports layover layovers stopover jet+lag jetlag jetlagged itinerary wanderlust hostel hostels
      sightseeing getaway road+trip roadtrip backpacking backpacker backpackers digital+nomad solo+trip solo+travel
      boarding+pass carry+on checked+bag lost+luggage luggage suitcase tsa+precheck global+entry window+seat
      aisle+seat legroom business+class economy+class premium+economy frequent+flyer air+miles airmiles
      points+and+miles red+eye+flight redeye connecting+flight missed+my+connection missed+my+flight missed+the+flight
      flight+delayed delayed+flight cancelled+flight canceled+flight booked+flights booked+a+flight flights+booked
      trip+booked booked+the+trip weekend+getaway city+break day+trip honeymoon staycation all+inclusive tourist+trap
      touristy guidebook lonely+planet tripadvisor booking+com expedia skyscanner hopper+app interrail eurail
      rail+pass sleeper+train night+train shinkansen bullet+train campervan van+life vanlife cruise+ship
      cruise+holiday duty+free passport+stamp passport+stamps jet+setting jetsetter travel+buddy travel+plans
      travel+goals travel+diary travel+blog travel+vlog bucket+list+trip once+in+a+lifetime+trip ryanair easyjet
      wizz+air jetblue lufthansa klm air+france british+airways emirates qatar+airways singapore+airlines
      cathay+pacific qantas air+canada aer+lingus iberia turkish+airlines american+airlines united+airlines
      delta+flight southwest+flight virgin+atlantic norse+atlantic icelandair finnair sas+flight amtrak eurostar ✈️ ✈
      🧳 🛫 🛬 🗺️ 🗺 🛂 🏨`,
    // airports, landmarks, stays and trip talk
    `changi heathrow gatwick stansted schiphol narita haneda dulles ohare jfk+terminal sfo+airport seatac
      logan+airport dxb doha+airport hamad+airport incheon frankfurt+airport munich+airport zurich+airport cdg
      charles+de+gaulle ryokan onsen onsens hakone nara+deer kanazawa nikko takayama shibuya shinjuku akihabara
      asakusa harajuku ginza dotonbori fushimi+inari arashiyama mount+fuji mt+fuji shibuya+crossing montmartre
      le+marais trastevere shoreditch camden+market la+boqueria park+guell sagrada+familia alhambra neuschwanstein
      cliffs+of+moher giant+causeway ring+of+kerry the+shard big+ben tower+bridge buckingham+palace edinburgh+castle
      burj+khalifa taj+mahal great+barrier+reef uluru table+mountain victoria+falls niagara+falls statue+of+liberty
      empire+state+building golden+gate christ+the+redeemer chichen+itza teotihuacan trevi+fountain vatican+city
      the+vatican sistine+chapel leaning+tower+of+pisa pisa duomo rialto+bridge st+mark+square blue+lagoon
      golden+circle hagia+sophia grand+bazaar blue+mosque forbidden+city the+bund victoria+peak marina+bay+sands
      gardens+by+the+bay bondi bondi+beach great+ocean+road milford+sound hobbiton plitvice lake+bled
      cappadocia+balloons pamukkale orient+express glacier+express trans+siberian tgv frecciarossa shinkansen+to
      jr+pass japan+rail+pass marriott hilton+hotel hyatt ritz+carlton four+seasons+hotel boutique+hotel ace+hotel
      hostelworld royal+caribbean carnival+cruise norwegian+cruise cruise+line river+cruise hotel+upgrade room+upgrade
      upgraded+to+business flight+upgrade lounge+access priority+pass first+time+in+japan first+time+in+italy
      first+time+in+paris first+time+abroad trip+of+a+lifetime three+nights+in two+nights+in four+nights+in
      week+in+japan week+in+italy weekend+in+paris`,
  ],
  normal: [
    // trip talk
    `trip trips family+vacation flight flights fjord fjords jfk+airport washington+dc hotel hotels airbnb resort
      resorts abroad overseas tourist tourists destination destinations cruise cruises souvenir souvenirs packing
      carry+on bucket+list landed boarding lounge visa roaming jet+set countries connecting+flight holiday+plans
      holiday+home villa+holiday beach+holiday ski+holiday long+haul short+haul long+weekend+away weekend+away
      road+tripping train+journey scenic+route scenic+drive departure+lounge departures arrivals checkout+time
      late+checkout hotel+room hotel+pool rooftop+bar+in room+service jet+lagged time+difference exchange+rate
      local+currency currency+exchange travel+insurance travel+adapter phrasebook tour+guide walking+tour guided+tour
      city+tour free+walking+tour hop+on+hop+off old+town the+old+town cobblestone+streets cobbled+streets expat
      expats living+abroad moved+abroad study+abroad year+abroad gap+year sabbatical the+locals locals+recommended 🏝️
      🏝 🏖️ 🏖 🚢 🚆 🚄 🗽 🗼 🗾 🏯 🕌 🛕`,
    // countries and regions
    `iceland japan italy spain greece thailand vietnam bali mexico peru morocco portugal croatia france norway
      switzerland scotland ireland new+zealand netherlands belgium austria czechia czech+republic hungary egypt kenya
      tanzania south+africa namibia madagascar nepal sri+lanka maldives cambodia laos indonesia philippines malaysia
      singapore hong+kong taiwan south+korea mongolia fiji tahiti hawaii alaska costa+rica belize guatemala cuba
      puerto+rico jamaica bahamas caribbean colombia chile argentina brazil bolivia ecuador galapagos patagonia
      antarctica uae abu+dhabi oman armenia uzbekistan the+alps dolomites amalfi amalfi+coast cinque+terre lake+como
      provence riviera french+riviera cote+dazur côte+dazur algarve mallorca majorca ibiza tenerife canary+islands
      crete mykonos santorini dubrovnik sicily sardinia tuscany the+balkans balkans scandinavia southeast+asia
      south+east+asia central+america south+america the+highlands scottish+highlands isle+of+skye lake+district
      cornwall+coast the+cotswolds cotswolds`,
    // cities
    `kyoto rome barcelona amsterdam prague istanbul marrakech lisbon porto+trip madrid seville lyon marseille munich
      vienna budapest krakow copenhagen stockholm oslo reykjavik edinburgh dublin venice naples athens cappadocia
      cairo cape+town zanzibar serengeti osaka hokkaido okinawa seoul busan bangkok chiang+mai phuket hanoi
      ho+chi+minh+city saigon hoi+an ha+long+bay halong+bay siem+reap angkor+wat ubud lombok kuala+lumpur manila
      palawan goa kerala jaipur kathmandu machu+picchu cusco rio+de+janeiro buenos+aires mexico+city cdmx tulum cancun
      oaxaca havana las+vegas new+orleans nashville vancouver banff montreal quebec+city queenstown tasmania bruges
      ghent salzburg hallstatt innsbruck zurich geneva lucerne interlaken zermatt dubrovnik split+croatia kotor
      tallinn riga vilnius tbilisi santorini+sunset positano sorrento capri lake+bled valletta malta cyprus corfu
      naxos paros mostar sarajevo the+big+apple times+square central+park golden+gate+bridge eiffel+tower
      the+louvre+pyramid`,
    `hakone kyoto+trip tokyo+trip paris+trip rome+trip london+trip nyc+trip new+york+trip road+trip+through
      rooftop+pool infinity+pool pool+with+a+view ocean+view+room sea+view+room`,
    `lax+airport`,
    `just+landed landed+in flying+to flew+to flight+to trip+to holiday+in vacation+in heading+to+the+airport
      booked+a+trip booked+flights booked+a+holiday booked+a+vacation`,
    `budget+airline budget+airlines budget+flight budget+flights budget+travel cheap+flights flight+deals`,
  ],
  weak: `explore exploring explored beach island islands holiday holidays paris london tokyo new+york nyc dubai sunset
    🌅 🌍 🌎 🌏 tour tours journey city cities temples flew fly flying plane train trains ferry checked+out view views
    coast coastal village villages map maps berlin milan sydney melbourne india china canada australia england wales
    germany turkey jordan georgia qatar la los+angeles san+francisco miami chicago boston seattle austin vegas porto
    granada valencia auckland delhi mumbai rio beaches sea ocean sunburn suntan tan+lines poolside rooftop+bar
    the+gate at+the+gate checked+in check+in landmark landmarks time+zones petra rhodes canaries florence week+in
    weekend+in days+in two+weeks+in ten+days+in month+in back+from just+got+back`,
};
