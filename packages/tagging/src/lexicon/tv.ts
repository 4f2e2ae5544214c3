import type { LexiconEntry } from './types.ts';

/** Television and streaming series: services, formats, well-known shows, anime series, talk and reality TV. */
export const tv: LexiconEntry = {
  strong: [
    // the medium, services and formats
    `tv television kdrama tv+show tv+shows tv+series episode episodes netflix hbo hbo+max hulu disney+plus prime+video
      apple+tv apple+tv+plus paramount+plus peacock+tv crunchyroll bbc+iplayer iplayer itvx channel+4 sky+atlantic
      binge binged binging binge+watch binge+watched binge+watching bingeing bingewatching sitcom sitcoms reality+tv
      reality+show showrunner showrunners docuseries miniseries mini+series limited+series new+season season+finale
      series+finale mid+season+finale season+premiere series+premiere season+one season+two season+three season+four
      season+1 season+2 season+3 season+4 season+5 next+episode new+episode one+more+episode last+episode
      final+episode first+episode pilot+episode writers+room talk+show late+night+show game+show reality+competition
      spinoff+series streaming+series tv+drama period+drama costume+drama crime+drama medical+drama legal+drama
      teen+drama 📺`,
    // shows
    `thrones game+of+thrones house+of+the+dragon breaking+bad better+call+saul the+sopranos sopranos succession
      the+last+of+us stranger+things parks+and+rec parks+and+recreation brooklyn+99 brooklyn+nine+nine seinfeld
      the+simpsons simpsons family+guy south+park rick+and+morty bojack bojack+horseman bluey the+crown bridgerton
      ted+lasso the+mandalorian mandalorian andor wandavision squid+game money+heist euphoria white+lotus
      the+white+lotus yellowjackets fleabag killing+eve peaky+blinders downton+abbey bake+off great+british+bake+off
      drag+race rupaul love+island the+bachelor the+bachelorette top+chef masterchef the+traitors taskmaster mad+men
      true+detective westworld the+walking+dead walking+dead grey+anatomy black+mirror the+expanse doctor+who
      line+of+duty slow+horses only+murders only+murders+in+the+building abbott+elementary the+good+place schitt+creek
      arrested+development 30+rock curb+your+enthusiasm its+always+sunny always+sunny the+leftovers twin+peaks x+files
      the+x+files ozark narcos mindhunter six+feet+under the+wire+hbo the+office+us dunder+mifflin michael+scott
      the+bear+season severance+season shogun+finale the+handmaid+tale handmaid+tale outlander the+witcher+season
      the+rings+of+power rings+of+power the+boys+season the+penguin+hbo reacher the+morning+show shrinking+season
      hacks+season beef+netflix baby+reindeer ripley+netflix the+umbrella+academy umbrella+academy wednesday+netflix
      emily+in+paris gilmore+girls friends+reunion how+i+met+your+mother himym new+girl the+big+bang+theory
      big+bang+theory modern+family scrubs house+md the+good+doctor greys+anatomy suits+season pretty+little+liars
      gossip+girl the+vampire+diaries vampire+diaries the+oc one+tree+hill heartstopper sex+education
      normal+people+series the+young+pope the+sandman+netflix arcane+season invincible+season the+last+kingdom
      vikings+valhalla the+great+pottery+throw+down the+great+british+sewing+bee queer+eye selling+sunset below+deck
      real+housewives vanderpump jersey+shore keeping+up+with+the+kardashians survivor+finale big+brother+house
      the+amazing+race house+of+cards the+americans homeland 24+season lost+finale the+sopranos+finale sherlock+bbc
      the+office+uk peep+show fawlty+towers blackadder only+fools+and+horses gavin+and+stacey derry+girls
      the+thick+of+it the+inbetweeners top+gear+episode the+grand+tour`,
    // anime series
    `attack+on+titan jujutsu+kaisen demon+slayer my+hero+academia spy+x+family frieren cowboy+bebop evangelion
      neon+genesis+evangelion death+note fullmetal+alchemist anime+series new+anime anime+season`,
    // hosts and shows on air
    `jimmy+fallon colbert stephen+colbert snl saturday+night+live the+daily+show jimmy+kimmel john+oliver
      last+week+tonight jeopardy wheel+of+fortune graham+norton david+attenborough+series`,
    // more shows and series talk
    `adolescence+netflix the+pitt adolescence+on+netflix slow+horses+season shogun+fx baby+reindeer the+penguin+series
      agatha+all+along blue+eye+samurai the+diplomat nobody+wants+this industry+hbo silo+season for+all+mankind
      the+gentlemen+netflix 3+body+problem three+body+problem+netflix the+studio+apple andor+season
      daredevil+born+again landman yellowstone+finale yellowstone+season 1923+series tulsa+king jack+ryan
      the+night+agent cobra+kai outer+banks ginny+and+georgia virgin+river sweet+magnolias the+summer+i+turned+pretty
      xo+kitty never+have+i+ever chicago+fire chicago+pd chicago+med svu ncis criminal+minds mr+robot broadchurch
      happy+valley bodyguard+bbc the+responder top+boy skins+series misfits+series black+books it+crowd the+it+crowd
      ghosts+bbc detectorists what+we+do+in+the+shadows reservation+dogs atlanta+fx barry+hbo insecure+hbo veep
      the+righteous+gemstones righteous+gemstones hacks+hbo the+gilded+age mare+of+easttown big+little+lies
      the+morning+show sex+and+the+city and+just+like+that gilmore+girls grey+anatomy one+piece+live+action
      the+boys+finale invincible+season+3 arcane+netflix the+last+of+us+season house+of+the+dragon+season
      stranger+things+5 wednesday+season squid+game+season bridgerton+season the+traitors+us the+traitors+uk
      love+is+blind perfect+match+netflix too+hot+to+handle survivor+season the+great+british+baking+show gbbo
      strictly+come+dancing dancing+with+the+stars bake+off+final drag+race+uk rupauls+drag+race university+challenge
      mastermind+bbc pointless+bbc would+i+lie+to+you qi+bbc season+premiere+tonight the+finale+tonight finale+tonight
      episode+tonight`,
  ],
  normal: [
    `series finale finales spoiler spoilers cliffhanger cliffhangers anime streaming+service the+tv on+tv
      pilot+episode cancelled+show canceled+show next+season the+finale showrunner sitcom recap recaps episode+recap
      season+recap renewed+for cancelled+after canceled+after tv+writers the+writers+room the+writers+fumbled
      fumbled+the+ending ruined+the+ending the+last+season the+final+season final+season the+new+season new+series
      netflix+series hbo+series limited+run miniseries streaming+show showrunners the+show+runners laugh+track
      the+cast+of spinoff spin+off prequel+series opening+credits opening+theme theme+song tv+guide box+set boxset
      telly the+telly watching+telly severance the+bear shogun ripley reacher arcane the+witcher`,
    `adolescence the+pitt watched+every+episode every+episode watched+the+whole+season whole+season the+whole+series
      finished+the+series finished+the+show finished+the+season this+show this+series that+show the+show+is
      the+series+is the+writing+on the+writers the+showrunners character+arc plot+armor`,
    `luther dexter law+and+order`,
    `episode+1 episode+2 episode+3 episode+4 episode+5 episode+6 episode+7 episode+8 episode+9 episode+10 ep+1 ep+2
      ep+3 ep+4 ep+5 ep+6 ep+7 ep+8 on+netflix on+hulu on+prime on+disney+plus on+hbo on+apple+tv the+pacing
      season+2+trailer season+3+trailer renewed+for+season cancelled+after+one+season canceled+after+one+season`,
  ],
  weak: `the+rookie the+characters watched show+i ever+watched stressful+show season seasons this+season+of
    last+season+of premiere cast watching rewatch rewatched renewed cancelled canceled drama writers show shows plot
    characters character storyline arc streaming episode+of stream+it`,
};
