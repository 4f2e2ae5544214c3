import type { LexiconEntry } from './types.ts';

/** Family life: parenting and kids, babies, partners, grandparents and relatives, family occasions. */
export const family: LexiconEntry = {
  strong: [
    `parenting parenthood toddler toddlers family+dinner family+time family+vacation family+holiday family+trip
      family+reunion family+game+night family+photo family+photos newborn newborns infant my+kids my+daughter my+son
      my+kid my+toddler my+baby our+baby our+kids our+son our+daughter daughter daughters son sons grandkids
      grandchildren grandson grandsons granddaughter granddaughters fathers+day mothers+day father+day mother+day
      school+run school+pickup school+drop+off homeschool homeschooling stroller pram diaper diapers nappy nappies
      daycare preschool kindergarten playdate playdates tooth+fairy first+day+of+school back+to+school potty+training
      teething breastfeeding baby+shower gender+reveal pregnant pregnancy maternity+leave paternity+leave
      parental+leave mom+life dad+life mum+life motherhood fatherhood dad+joke dad+jokes bedtime+story bedtime+stories
      nap+time naptime parent+teacher school+play school+concert science+fair little+league soccer+mom hockey+mom
      sports+day+at+school the+little+one little+ones my+little+one lil+one my+teen my+teenager teenagers my+twins
      stepdad stepmom stepmum stepson stepdaughter blended+family great+grandma great+grandpa mother+in+law
      father+in+law my+in+laws sister+in+law brother+in+law 👨‍👩‍👧 👨‍👩‍👧‍👦 👨‍👩‍👦 👩‍👧 👨‍👧 👪 🍼 🧸`,
  ],
  normal: [
    `family families kids kid children child parents parent grandma grandpa grandmother grandfather nana granny
      grandparents siblings sister brother sisters brothers cousin cousins nephew nephews niece nieces aunt auntie
      aunty uncle mother father hubby wifey twins triplets year+old years+old bedtime reunion my+husband my+wife
      the+kids 👶 my+mom my+dad my+mum my+parents my+grandma my+grandpa my+fiance my+fiancee my+fiancé my+fiancée
      our+family my+family the+family whole+family family+of+four family+of+five both+kids the+baby the+toddler
      kids+are bath+time bathtime lullaby lullabies car+seat high+chair baby+food baby+monitor first+words first+tooth
      lost+a+tooth homework+with school+holidays half+term summer+holidays+with the+kids+are christmas+morning
      easter+egg+hunt trick+or+treating family+tradition family+recipe family+history family+tree my+sister my+brother
      my+cousin my+cousins my+aunt my+uncle my+niece my+nephew my+siblings my+grandmother my+grandfather my+nana
      my+granny in+laws the+twins anniversary+dinner wedding+anniversary date+night+with+my+wife
      date+night+with+my+husband`,
  ],
  weak: `baby babies birthday anniversary wedding home papa mom dad mum mama mommy daddy husband wife partner married
    engaged fiance proud+mum proud+dad proud+mom teen teens school homework nap grown growing+up son+in my+partner
    first+steps relatives relative visit+my visiting+my christmas thanksgiving holidays`,
};
