import type { LexiconEntry } from './types.ts';

/** Cycling: bikes and riding, racing and the Grand Tours, commuting, gear and components. */
export const cycling: LexiconEntry = {
  strong: [
    `cycling cyclist peloton cyclists bicycle bicycles biking biked road+bike road+bikes gravel+bike gravel+bikes
      gravel+ride gravel+riding gravel+race mountain+bike mountain+bikes mountain+biking mtb mtbing tour+de+france
      tour+de peloton+stage spin+class velodrome track+cycling bike+lane bike+lanes cycle+lane cycle+lanes bike+path
      cycle+path cycle+route bike+commute bike+commuting bike+to+work cycle+to+work commute+by+bike bmx ebike ebikes
      e+bike e+bikes cargo+bike fixie fixed+gear single+speed+bike touring+bike bikepacking cyclocross derailleur
      chainring groupset shimano sram di2 campagnolo tubeless puncture+repair saddle+sore chamois bib+shorts clipless
      clip+in clipped+in gran+fondo sportive century+ride bike+ride bike+rides group+ride club+ride bunch+ride
      paceline alpe+dhuez alpe+d+huez mont+ventoux ventoux stelvio tourmalet giro+ditalia giro+d+italia la+vuelta
      vuelta paris+roubaix pogacar pogačar vingegaard van+aert van+der+poel evenepoel cavendish brompton cannondale
      cervelo pinarello bianchi colnago rapha zwift turbo+trainer smart+trainer indoor+trainer power+meter ftp+test
      bike+fit bike+shop bike+mechanic chain+lube wheelset carbon+wheels carbon+frame aero+bike 🚴 🚲 🚵 🚴‍♀️ 🚴‍♂️ 🚵‍♀️
      🚵‍♂️ cycled`,
    `category+one+climb cat+1+climb cat+2+climb hors+categorie hc+climb kom+attempt`,
  ],
  normal: [
    `bike bikes peloton+ride strava cadence pedal pedals pedaling pedalling headwind headwinds tailwind giro saddle
      cleats peloton kom qom segment+on climbing+on+the+bike hairpins cycle+club cycling+club rode+to+work
      rode+into+work rode+home+from puncture flat+tyre+on+the+ride lycra road+cycling track+bike fat+bike
      gravel+grinder singletrack berm berms downhill+runs enduro+race trail+centre trail+center bike+park dirt+jumps
      pump+track spin+bike stationary+bike exercise+bike cycling+shoes cycling+jersey bike+computer garmin+edge bonked
      hill+climb hill+repeats chain+gang inner+tube inner+tubes 100+miles+on 50+miles+on km+ride mile+ride rode+100
      rode+50`,
  ],
  weak: `wahoo descending descended watts ftp ride rides rode riding climb descent commute km cycle climbing climbed
    miles hills hill helmet gravel tyres tires spokes`,
};
