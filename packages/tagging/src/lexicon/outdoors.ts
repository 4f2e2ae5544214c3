import type { LexiconEntry } from './types.ts';

/** The outdoors: hiking and camping, trails and parks, climbing, paddling,  and water sports, fishing. */
export const outdoors: LexiconEntry = {
  strong: [
    `hike hikes ice+climbing hiking hiked hiker hikers trail+run trail+running trail+runner camping campsite campsites
      campground campfire tent tents rock+climbing bouldering national+park national+parks state+park outdoors
      sleeping+bag sleeping+pad trailhead wilderness backcountry thru+hike thru+hiking thru+hiker switchbacks glamping
      kayak kayaks kayaking kayaked canoe canoeing mountaineering trek trekking peak+bagging munro munros fourteener
      14er ridgeline ridge+walk scrambling elevation+gain pacific+crest+trail pct appalachian+trail john+muir+trail
      camino+de+santiago the+camino west+highland+way tour+du+mont+blanc wild+camping wild+camp camp+stove jetboil
      smores bushwalk bushwalking tramping fell+walking hillwalking hill+walking paddleboard paddleboarding
      paddle+boarding sup+board surfboard wetsuit snorkeling snorkelling crag belay belayed top+rope lead+climbing
      via+ferrata ski+trip ski+season the+slopes hit+the+slopes backcountry+skiing cross+country+skiing ski+touring
      snowshoe snowshoeing fly+fishing angling foraging mushroom+foraging orienteering geocaching trail+mix
      hiking+boots trekking+poles daypack rucksack gore+tex headlamp outdoorsy great+outdoors forest+bathing
      coast+path coastal+path coastal+walk clifftop+walk summit+push summit+day bivvy bivy hammock+camping car+camping
      overnighter backpacking+trip 🥾 ⛺ 🏕️ 🏕 🏔️ 🏔 ⛰️ ⛰ 🎣 🛶 🏂 ⛷️ ⛷`,
    // trails, peaks and parks
    `tongariro tongariro+crossing milford+track routeburn kepler+track abel+tasman cairngorms brecon+beacons dartmoor
      exmoor yorkshire+dales scafell+pike pen+y+fan kinder+scout ben+lomond mont+blanc matterhorn eiger jungfrau gr20
      kalalau lost+coast+trail wonderland+trail colorado+trail long+trail acadia olympic+national+park great+smoky
      smokies denali mount+rainier mt+rainier rainier mt+hood mount+hood half+dome el+capitan angels+landing
      torres+del+paine fitz+roy annapurna annapurna+circuit everest+trek w+trek inca+trail salkantay summited+mount
      summited+mt summited+the`,
    `camped camped+out camping+trip tree+line treeline above+the+tree+line`,
  ],
  normal: [
    `backpacking trail volcano+hike glacier+hike glacier+hiking trails camp outdoor summit summited climbing paddle
      paddleboard fishing hunting skiing ski snowboarding snowboard surfing surf mountains yosemite yellowstone zion
      grand+canyon rockies appalachian patagonia scrambling fresh+air woods 🧗 hammock viewpoint lookout
      rocky+mountains the+alps dolomites lake+district peak+district snowdonia eryri scottish+highlands ben+nevis
      snowdon kilimanjaro everest glacier+national+park joshua+tree arches+national+park banff+national+park
      sierra+nevada sailing sailboat sailed surfed surfers ski+lift chairlift apres+ski après+ski fished caught+a+fish
      caught+a+trout trout bass+fishing tackle+box campground+host base+layer merino+layer trail+shoes approach+shoes
      climbing+gym climbing+shoes chalk+bag crash+pad sent+my+project the+crag lakeside riverside mountain+hut bothy
      refuge+hut hut+to+hut backpack+trip packed+the+tent pitched+the+tent pitched+a+tent under+the+stars sunrise+hike
      sunset+hike waterfall+hike summit+views summit+view river+walk woodland+walk walk+in+the+woods muddy+boots
      muddy+trails`,
  ],
  weak: `ridge lure the+peak the+summit cascades peak peaks lake lakes river rivers forest sunrise picnic nature beach
    wild muddy mud climb climbed mountain miles trail+of outdoor+pool cold+water swim swimming wild+swimming backpack
    compass snow weekend+away valley hill hills cliff cliffs coast coastline sunburn bugs mosquitoes bears bear deer
    elk moose wildlife`,
};
