import type { LexiconEntry } from './types.ts';

/** Health and wellbeing: mental health, nutrition and diet, sleep, medical care, recovery, habits. */
export const health: LexiconEntry = {
  strong: [
    `health healthy wellness mental+health meditation meditate meditating mindfulness nutrition nutritionist dietitian
      dietician vitamins vitamin+d vitamin+c blood+pressure cholesterol checkup check+up hydration gut+health
      self+care selfcare wellbeing well+being intermittent+fasting probiotic probiotics breathwork immune+system
      sleep+hygiene insomnia melatonin calorie+deficit macros+tracking omega+3 electrolytes dry+january sober+curious
      sober+october sobriety alcohol+free quit+smoking quit+vaping stopped+smoking blood+sugar glucose+levels a1c
      diabetes type+2+diabetes insulin heart+health resting+heart+rate hrv annual+physical bloodwork blood+work
      blood+test blood+tests dermatologist physiotherapy physical+therapy chiropractor acupuncture cold+plunge
      ice+bath ice+baths sauna+session flu+shot covid+booster long+covid chronic+pain chronic+illness chronic+fatigue
      migraine migraines longevity healthspan biohacking therapy+session therapy+sessions mental+health+day
      burnout+recovery anxiety+attack panic+attack panic+attacks healthy+eating eating+healthy clean+eating
      balanced+diet whole+foods+diet weight+loss lost+weight lose+weight losing+weight ozempic menopause perimenopause
      pcos endometriosis sunscreen+every skincare+routine spf health+goals health+journey healthier+habits
      healthy+habits healthy+habit morning+routine+for+health gratitude+journal gratitude+practice stress+management 🩺
      🧘 🧘‍♀️ 🧘‍♂️`,
    // habits, therapy, sobriety and sleep
    `weeks+sober days+sober months+sober years+sober year+sober sober+for+a+year without+alcohol stopped+drinking
      quit+drinking gave+up+alcohol gave+up+drinking started+therapy going+to+therapy in+therapy my+therapist
      therapy+is couples+therapy therapy+has cbt+therapy talk+therapy sleeping+better sleep+better
      sleeping+so+much+better better+sleep+since cut+out+sugar gave+up+sugar quit+sugar no+added+sugar`,
    `therapy+appointment therapist+appointment first+therapy+session`,
  ],
  normal: [
    `supplements supplement diet doctor doctors therapist therapists anxiety depression adhd immune calories fasting
      detox hydrated skincare energy+levels burnout physio medical vaccine vaccinated sober alcohol+free whole+foods
      yoga no+sugar added+sugar sugar+free sleep+schedule better+sleep my+sleep sleep+quality sleep+tracker
      8+hours+of+sleep eight+hours+of+sleep liters+of+water litres+of+water glasses+of+water drink+more+water
      drinking+more+water water+intake keto low+carb paleo mediterranean+diet plant+heavy magnesium iron+levels
      protein+intake surgery+recovery post+op physical+exam x+ray mri diagnosis diagnosed allergies allergy hay+fever
      asthma inhaler posture ergonomic ergonomics standing+desk walking+pad daily+walk daily+walks morning+walk
      evening+walk 10k+steps step+goal cortisol hormones hormone mental+wellbeing emotional+wellbeing meditation+app
      headspace calm+app counselling counseling counselor counsellor breathing+exercises deep+breaths screen+free
      digital+detox cut+out+sugar cut+out+caffeine quit+caffeine caffeine+free decaf+life no+alcohol vegetables+every
      💊 💉`,
  ],
  weak: `therapy gp+appointment doctor+appointment doctors+appointment dentist+appointment hospital+appointment sugar
    salt protein water recovery injury sick flu hospital journaling organic fermented headache rest dentist sleep
    sleeping stress habit habits caffeine coffee+intake fresh+air sunlight vitamin scan+results test+results fiber
    fibre hours+of+sleep slept+8+hours good+night+sleep nutritious wholesome skin acne weight scale steps breathing`,
};
