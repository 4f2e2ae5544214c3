import type { LexiconEntry } from './types.ts';

/** Fitness: the gym and lifting, running and races, classes, conditioning, recovery, training goals. */
export const fitness: LexiconEntry = {
  strong: [
    `gym workout workouts fitness leg+day arm+day chest+day back+day push+day pull+day deadlift deadlifts deadlifted
      deadlifting squat squats squatted squatting bench+press benched overhead+press ohp clean+and+jerk power+clean
      hip+thrust hip+thrusts rdl rdls lunges burpees reps lifting weightlifting powerlifting olympic+lifting
      bodybuilding bodybuilder calisthenics crossfit wod amrap emom hiit tabata cardio treadmill stairmaster
      elliptical rowing+machine assault+bike dumbbell dumbbells kettlebell kettlebells barbell squat+rack power+rack
      home+gym garage+gym resistance+bands pushups push+ups pullups pull+ups chin+ups muscle+up muscle+ups sit+ups
      crunches personal+trainer pt+session pilates reformer+pilates barre+class triathlon triathlete ironman duathlon
      hyrox spartan+race tough+mudder obstacle+course+race strength+training weight+training progressive+overload
      hypertrophy one+rep+max 1rm pr+today personal+record personal+best new+pb gym+session gym+sesh gym+rat gym+bro
      gymtok fitfam fitspo marathon half+marathon ultramarathon ultra+marathon ultra+run parkrun park+run couch+to+5k
      c25k 5k+run 10k+run ran+a+5k ran+a+10k ran+my+first running+club run+club tempo+run interval+training long+run
      easy+run recovery+run morning+run evening+run trail+run sub+20 sub+25 sub+30 marathon+training race+day+nerves
      finish+line running+shoes running+shoe negative+split rest+day foam+roller foam+rolling protein+shake
      pre+workout creatine whey bulking cutting+phase body+recomp fat+loss gains+are 💪 🏋️ 🏋 🏋️‍♀️ 🏋️‍♂️ 🤸 🏃 🏃‍♀️ 🏃‍♂️`,
  ],
  normal: [
    `exercise exercising exercised runner runners jog jogging jogged went+running go+running running+shoes morning+run
      long+run pr personal+best plank planks abs gains protein yoga hot+yoga vinyasa stretching bootcamp athletic sore
      spin+class trail+run thousand+steps 10k+steps zumba aerobics kickboxing boxing+class muay+thai martial+arts
      swim+session laps+in+the+pool lap+swim open+water+swim rowing rower erg peloton+ride peloton+class class+pass
      classpass spin+bike gym+membership gym+buddy lifting+buddy workout+buddy training+plan training+block
      training+for+a race+training running+goals fitness+goals fitness+journey fitness+tracker fitbit garmin+watch
      apple+watch+rings close+my+rings move+ring step+count bodyweight bodyweight+workout core+workout ab+workout
      mobility+work stretching+routine warm+up cool+down doms muscle+soreness leg+workout upper+body lower+body
      full+body+workout muscles muscle+gain lean+muscle calorie+burn burned+calories sweat+session sweaty+workout
      sprint+intervals hill+sprints pace+per+km pace+per+mile mile+time km+time race+pace strava+run new+pr sub+4
      sub+3 180kg 100kg 140kg 225lbs 315lbs 405lbs`,
  ],
  weak: `315 405 225 bench 5k 10k bulk shredded intervals splits swam running run ran fit training trainer calories
    steps streak sets weights mobility sweat km lift lifted lifts pace miles mile sprint sprinted strength muscle swim
    swimming race races coach weight weigh rope hike hiked`,
};
