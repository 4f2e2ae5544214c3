import type { LexiconEntry } from './types.ts';

/** Cars and motoring: makes and models, tuning and care, driving, motorsport, motorcycles. */
export const cars: LexiconEntry = {
  strong: [
    `cars turbo turbocharged twin+turbo supercharged supercharger+whine horsepower torque v8 v6 v10 v12 flat+six
      inline+six sports+car sports+cars supercar supercars hypercar hypercars hot+hatch porsche ferrari lamborghini
      lambo mclaren bmw audi mercedes mercedes+benz aston+martin bentley rolls+royce maserati alfa+romeo land+rover
      range+rover koenigsegg bugatti pagani nascar indycar formula+1 formula+one f1 grand+prix pole+position
      safety+car drs motorsport motorsports race+car racecar track+day car+show car+meet cars+and+coffee concours
      classic+car classic+cars muscle+car muscle+cars project+car barn+find restomod daily+driver test+drive
      test+drove mpg electric+car ceramic+coating paint+correction ppf car+wrap manual+transmission stick+shift
      gearbox dct oil+change dealership car+dealer car+dealership roadster my+car new+car first+car dream+car car+guy
      car+guys car+people petrolhead gearhead brake+pads gas+guzzler coilovers cold+air+intake downpipe camber
      autocross drag+strip drag+racing quarter+mile 0+60 zero+to+sixty lap+time lap+record nurburgring nürburgring
      le+mans 24+hours+of+le+mans daytona+500 indy+500 rallycross wrc monaco+grand+prix monaco+gp silverstone monza
      suzuka spa+francorchamps interlagos imola verstappen max+verstappen lewis+hamilton leclerc charles+leclerc
      lando+norris sainz carlos+sainz alonso fernando+alonso piastri oscar+piastri checo+perez red+bull+racing
      toto+wolff christian+horner motogp superbike sportbike harley+davidson ducati kawasaki the+grand+tour
      jeremy+clarkson doug+demuro dashcam dash+cam 🚗 🏎️ 🏎 🚙 🏍️ 🏍`,
    // models
    `civic+type+r type+r corolla camry prius rav4 supra gr86 gr+yaris brz wrx sti miata mx5 mx+5 rx7 rx+7 rx8 skyline
      gtr gt+r r34 r35 370z 350z nsx s2000 integra golf+gti gti golf+r mustang camaro corvette vette hellcat f150
      f+150 ford+bronco wrangler+rubicon model+3 model+y model+s cybertruck 911+gt3 gt3 gt3+rs cayman boxster taycan
      e30 e36 e46 r8 rs6 rs3 amg c63 g+wagon g+wagen land+cruiser hilux tacoma 4runner outback+wagon crosstrek
      defender+110 evo+ix lancer+evo mini+cooper fiat+500 polestar rivian`,
    `rust+repair the+rust+on rust+on+my rusted+out land+cruiser`,
    `changed+my+own+oil changed+the+oil changed+my+oil did+my+own+oil+change`,
  ],
  normal: [
    `driving engine nascar+race toyota honda subaru mazda ford chevy chevrolet jeep tesla rally detailing transmission
      exhaust tires tyres rims mechanic mileage convertible ev evs hybrid motorcycle motorbike motorcycles motorbikes
      🏁 car brakes nissan hyundai kia volkswagen vw volvo lexus acura infiniti cadillac buick gmc chrysler
      dodge+charger dodge+challenger peugeot renault citroen skoda dacia suzuki mitsubishi byd lucid+air porsche+911
      civic sedan coupe hatchback estate+car pickup+truck truck+bed lifted+truck off+roader jdm lowered+on
      wheels+and+tires new+wheels new+tyres new+tires winter+tyres winter+tires car+wash washed+the+car waxed+the+car
      detailed+the+car clay+bar polished+the+car car+care fuel+economy miles+per+gallon odometer hit+100k+miles
      100k+miles 200k+miles engine+swap rebuilt+the+engine head+gasket timing+belt spark+plugs alternator radiator
      catalytic+converter check+engine+light engine+light flat+tyre flat+tire tyre+pressure tire+pressure jump+start
      car+payment car+loan leased+a lease+deal car+lease traded+in trade+in+value driving+test passed+my+driving+test
      drivers+license driving+licence driving+lessons learner+driver range+anxiety charging+station supercharger
      charged+the+car plug+in+hybrid phev formula+e wec qualifying+lap quali podium+finish race+pace tyre+strategy
      tire+strategy pit+wall the+paddock grid+penalty team+orders top+gear pit+stop pitstop m3 m5 vespa dirt+bike
      dirtbike quad+bike atv`,
  ],
  weak: `wagon stance undercut pole the+grid hamilton norris russell perez scooter drive drove driven wheels garage
    miles road roads qualifying hp wax speed drift drifting racing traded+in charging race races lap laps grid paddock
    pit fuel petrol diesel engine+noise speeding mph kmh engine+sounds spoiler leather+seats dashboard steering+wheel
    steering cruise+control windshield headlights`,
};
