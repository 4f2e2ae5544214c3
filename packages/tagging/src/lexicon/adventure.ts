import type { LexiconEntry } from './types.ts';

/** Adventure: adrenaline sports, expeditions and big climbs, wild travel, facing fears. */
export const adventure: LexiconEntry = {
  strong: [
    `adventure adventures adventurous adventurer adventurers adrenaline adrenaline+junkie adrenaline+rush
      thrill+seeker thrill+seekers thrill+seeking skydiving skydive skydived skydives tandem+skydive freefall bungee
      bungee+jump bungee+jumping paragliding paraglider paraglide hang+gliding base+jumping base+jump wingsuit
      zip+line zipline ziplining zip+lining whitewater white+water white+water+rafting rafting canyoning canyoneering
      caving spelunking cave+diving cliff+jumping cliff+jump cliff+diving coasteering ice+climbing mountaineering
      alpinism summit+push base+camp everest+base+camp kilimanjaro k2 expedition expeditions safari safaris
      shark+cage+diving cage+dive swim+with+sharks swam+with+sharks freediving heli+skiing off+piste dog+sledding
      husky+sledding snowmobiling sandboarding dune+bashing quad+biking overlanding off+roading motorcycle+trip
      motorcycle+tour daredevil extreme+sports hot+air+balloon hot+air+ballooning kitesurfing kiteboarding windsurfing
      wakeboarding big+wave+surfing jet+skiing volcano+hike volcano+trek off+the+beaten+path off+the+beaten+track
      conquered+my+fear fear+of+heights bucket+list+adventure once+in+a+lifetime+experience 🪂`,
  ],
  normal: [
    `scuba scuba+diving jumped+off diving thrill thrills thrilling bucket+list off+grid heart+pounding surfing
      snowboarding backpacking trek trekking rock+climbing solo+trip 🧗 🏄 heart+racing jumped+out+of+a+plane
      out+of+a+plane roller+coaster rollercoaster rollercoasters theme+park jet+ski atv 4x4 off+road
      road+less+travelled road+less+traveled hitchhiking hitchhiked wild+camping survival+skills bushcraft
      solo+backpacking glacier+hike glacier+hiking ice+cave escape+room via+ferrata abseiling abseil rappelling rappel`,
  ],
  weak: `dive dived explorer explorers jumping+off shark sharks wild epic dare fearless survival volcano climbing
    road+trip solo terrifying fear heights wild+ride unforgettable once+in+a+lifetime`,
};
