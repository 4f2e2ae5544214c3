import type { LexiconEntry } from './types.ts';

/** Team and individual sports: leagues, competitions, clubs, athletes, positions and match talk. */
export const sports: LexiconEntry = {
  strong: [
    // sports and the vocabulary of watching them
    `football soccer basketball baseball hockey nfl nba mlb nhl mls wnba fifa uefa ufc boxing wrestling cricket rugby
      tennis golf league referee halftime half+time semifinal semifinals semi+final semi+finals quarterfinal
      quarterfinals quarter+final offside grand+slam espn stadium playoff playoffs postseason preseason offseason
      fantasy+football fantasy+league fantasy+team fantasy+draft game+day gameday match+day matchday season+ticket
      season+tickets fourth+quarter inning innings transfer+window red+card yellow+card penalty+kick penalty+shootout
      penalty+shootouts extra+time stoppage+time injury+time clean+sheet own+goal free+kick corner+kick hat+trick
      goalkeeper goalie quarterback striker midfielder centre+back center+back touchdown touchdowns field+goal
      interception end+zone first+down pick+six two+point+conversion home+run home+runs homerun grand+slam+homer
      walkoff no+hitter strikeout strikeouts bullpen shortstop dugout slam+dunk three+pointer buzzer+beater free+throw
      free+throws triple+double double+double shutout relegation relegated title+race top+four league+table derby+day
      el+clasico clasico tailgate sports+bar watch+party+game trade+deadline free+agency draft+pick mock+draft
      draft+day opening+day home+opener season+opener away+game home+game away+fans away+day the+bleachers bleachers
      the+ref the+refs referees umpire umpires linesman var+check wicket wickets bowler batsman test+match run+chase
      lbw odi t20 ipl tiebreak tiebreaker match+point break+point set+point backhand forehand birdie bogey fairway
      hole+in+one caddie putt putter tee+time tko title+fight uppercut octagon sports+fan sports+fans sport+fan 🏀 ⚽ 🏈
      ⚾ 🏒 🎾 🏉 🏏 ⛳ 🏟️ 🏟 🥊 🏐 🥅`,
    // competitions
    `premier+league champions+league europa+league conference+league fa+cup carabao+cup league+cup la+liga laliga
      serie+a bundesliga ligue+1 eredivisie world+cup womens+world+cup euro+2024 euro+2028 euros+2024 copa+america
      afcon ballon+dor super+bowl world+series stanley+cup nba+finals nba+playoffs nfl+draft nba+draft all+star+game
      march+madness final+four sweet+16 ncaa+tournament college+football college+basketball wimbledon us+open
      french+open roland+garros australian+open the+masters+golf ryder+cup pga pga+tour lpga liv+golf
      the+open+championship wwe wrestlemania mma six+nations rugby+world+cup super+rugby olympics olympic olympian
      olympians paralympics paralympic commonwealth+games world+championships t20+world+cup cricket+world+cup big+bash
      county+cricket ashes+series davis+cup`,
    // clubs and franchises that are hard to mistake
    `arsenal tottenham spurs+fans everton man+utd man+united manchester+united man+city manchester+city aston+villa
      west+ham newcastle+united crystal+palace nottingham+forest brighton+and+hove wolves+fans real+madrid barca
      atletico+madrid atleti bayern bayern+munich borussia+dortmund psg juventus juve inter+milan ac+milan benfica
      sporting+cp celtic+fc rangers+fc galatasaray fenerbahce boca+juniors river+plate inter+miami la+galaxy lakers
      celtics knicks warriors+game golden+state+warriors mavs sixers 76ers timberwolves cavs raptors+game nuggets+game
      bucks+game heat+game clippers+game grizzlies+game suns+game packers steelers seahawks 49ers niners bucs
      patriots+game cowboys+game chiefs+game eagles+game bills+mafia ravens+game dodgers yankees mets+game red+sox
      white+sox cubs+game phillies padres astros blue+jays braves+game cardinals+game maple+leafs canadiens
      bruins+game oilers penguins+game`,
    // athletes
    `messi lionel+messi ronaldo cristiano+ronaldo cr7 mbappe mbappé haaland erling+haaland mo+salah bellingham saka
      bukayo+saka neymar kane+scores harry+kane de+bruyne kdb modric lewandowski van+dijk rashford lebron lebron+james
      steph+curry stephen+curry jokic giannis embiid wembanyama wemby kevin+durant luka+doncic doncic
      shai+gilgeous+alexander anthony+edwards jayson+tatum kobe+bryant michael+jordan caitlin+clark a+ja+wilson
      mahomes patrick+mahomes tom+brady travis+kelce josh+allen lamar+jackson jalen+hurts joe+burrow aaron+rodgers
      ohtani shohei+ohtani aaron+judge mike+trout kohli virat+kohli dhoni rohit+sharma bumrah tendulkar ben+stokes
      joe+root federer roger+federer nadal rafa+nadal djokovic serena+williams alcaraz carlos+alcaraz jannik+sinner
      sabalenka coco+gauff iga+swiatek andy+murray tiger+woods rory+mcilroy mcilroy scottie+scheffler usain+bolt
      simone+biles michael+phelps conor+mcgregor jon+jones canelo tyson+fury usyk oleksandr+usyk anthony+joshua
      mike+tyson muhammad+ali sidney+crosby connor+mcdavid ovechkin wayne+gretzky`,
    // players, clubs, grounds and fan talk
    `lamine+yamal yamal vinicius vini+jr pedri rodri foden phil+foden cole+palmer odegaard declan+rice alisson
      courtois neuer musiala lautaro osimhen son+heung+min pulisic griezmann de+jong kvaratskhelia wirtz florian+wirtz
      ja+morant zion+williamson trae+young devin+booker jaylen+brown brunson jalen+brunson haliburton
      tyrese+haliburton ant+edwards sga chet+holmgren lamelo damian+lillard lillard james+harden kawhi jimmy+butler
      bam+adebayo anthony+davis kyrie kyrie+irving victor+wembanyama derrick+rose cj+stroud brock+purdy mccaffrey
      christian+mccaffrey justin+jefferson tyreek+hill saquon saquon+barkley derrick+henry aaron+donald tj+watt
      micah+parsons josh+allen jayden+daniels caleb+williams juan+soto mookie+betts freddie+freeman ronald+acuna
      bryce+harper paul+skenes vladimir+guerrero medvedev zverev rybakina pegula naomi+osaka raducanu emma+raducanu
      jack+draper djokovic+wins jon+rahm dechambeau koepka spieth jordan+spieth xander+schauffele scheffler
      ludvig+aberg babar+azam rashid+khan jimmy+anderson bazball jasprit+bumrah shubman+gill travis+head pat+cummins
      alex+pereira volkanovski topuria makhachev khabib adesanya sean+omalley dricus tyson+fury inoue naoya+inoue
      gervonta terence+crawford mufc lfc cfc thfc nufc avfc mcfc gooners red+devils toon+army the+hammers the+toffees
      cityzens leverkusen bayer+leverkusen villarreal sevilla+fc real+sociedad athletic+bilbao olympique+marseille
      feyenoord psv+eindhoven sporting+lisbon as+roma lazio fiorentina atalanta brentford fulham bournemouth burnley
      sunderland+afc leicester+city southampton+fc ipswich+town wrexham celtic+park worldie screamer golazo hattrick
      bicycle+kick overhead+kick nutmeg nutmegged rabona panenka final+whistle full+time+whistle second+leg first+leg
      on+aggregate group+stage knockout+stage knockout+stages round+of+16 last+16 quarter+finals semi+finals the+semis
      golden+boot top+scorer treble+winners invincibles title+challenge title+winning league+leaders top+of+the+league
      bottom+of+the+league relegation+zone dropped+40 dropped+50 dropped+30 dropped+60 drops+40 drops+50 triple+double
      game+winner game+winning poster+dunk step+back+three logo+three ankle+breaker box+score stat+line red+zone
      hail+mary+pass onside+kick two+minute+drill fourth+and+goal 4th+and+goal punt+return kick+return pick+6
      sacked+him bases+loaded at+bat dinger moonshot+homer grand+slammer walk+off+homer perfect+game+through nil+nil
      knocked+him+out knockout+punch first+round+ko split+decision unanimous+decision title+bout main+event+fight`,
    `sent+off sending+off straight+red subbed+off subbed+on came+off+the+bench off+the+bench starting+xi starting+11
      points+clear points+behind bragging+rights deadline+day playoff+spot wild+card+spot spring+training
      march+madness+bracket our+striker our+keeper our+defence our+defense our+midfield the+lads+were away+end
      home+end derby+win derby+day won+the+league won+the+cup lifted+the+trophy cup+final cup+run promotion+push
      promotion+race play+off+final`,
  ],
  normal: [
    `match coach anfield old+trafford stamford+bridge camp+nou bernabeu santiago+bernabeu san+siro emirates+stadium
      etihad+stadium tottenham+hotspur+stadium villa+park goodison goodison+park st+james+park allianz+arena
      signal+iduna+park celtic+park ibrox fenway fenway+park wrigley+field yankee+stadium dodger+stadium lambeau
      lambeau+field arrowhead+stadium td+garden chase+center msg+tonight the+garden+tonight wembley+stadium twickenham
      murrayfield the+oval eden+gardens the+mcg old+firm little+league coaches refs overtime kickoff kick+off derby
      scoreline mvp athlete athletes championship championships finals tournament medal medals marathon racquet
      sprinter ncaa messi ronaldo var the+refs the+ref 🏆 🥇 🥈 🥉 fixture fixtures the+league league+leaders standings
      table+topper top+of+the+table bottom+of+the+table relegation+battle promoted+to derby+win away+win home+win
      equaliser equalizer equalised equalized late+winner stoppage scored+twice penalties penalty+miss missed+penalty
      goal+line goal+of+the+season dunked three+pointers point+guard fast+break turnover+on sacked+the touchdown+pass
      passing+yards rushing+yards wide+receiver running+back linebacker tight+end bottom+of+the+ninth top+of+the+ninth
      extra+innings batting+average rbi pitching+staff the+mound home+plate stolen+base no+hit the+crease century+for
      hundred+for fast+bowler run+out the+toss declared+at the+serve second+serve baseline+rally knockout+win ko
      title+defence title+defense ringside sparring+partner weigh+in fight+night ufc+fight wrestler grappling
      jiu+jitsu bjj judo karate taekwondo fencing archery rowing+race regatta gymnastics gymnast figure+skating
      speed+skating curling bobsled biathlon luge ski+jumping slalom athletics track+and+field pole+vault long+jump
      high+jump javelin shot+put decathlon heptathlon hurdles relay+race volleyball beach+volleyball handball
      water+polo lacrosse field+hockey badminton table+tennis ping+pong pickleball padel darts snooker bowling+league
      softball dodgeball ultimate+frisbee netball hurling gaelic+football aussie+rules afl sumo nascar+race motogp
      the+gaffer gaffer pundit pundits commentator commentary+box manager+sacked sacked+the+manager transfer+rumours
      transfer+rumors signing+of new+signing loan+deal loan+spell contract+extension goat+debate ballon upset+win
      comeback+win cinderella+run playoff+race wildcard wild+card+game season+opener home+crowd away+end the+kop
      the+terraces ultras jersey+number replica+shirt home+kit away+kit third+kit coys ynwa ggmu go+birds who+dey
      arsenal tottenham everton leeds+united lakers celtics knicks bruins canucks mets astros packers steelers
      seahawks 49ers niners bucs dodgers yankees phillies padres oilers ajax napoli dortmund mavericks cavaliers
      broncos bengals colts buccaneers orioles mariners blackhawks knockout heavyweight pitcher walk+off free+agent
      power+play tailgating winger birdie steph kobe`,
    `curry+drops curry+with+the kane+with verstappen leclerc hamilton+wins formula+1 f1 grand+prix qualifying+session
      ashes+series ashes+test`,
    `msg+was madison+square+garden first+round+knockout fumbled+the+ball punter quarterbacks running+backs
      wide+receivers o+line d+line snap+count fantasy+points waiver+wire the+keeper the+box+score possession+stats xg
      counter+attack high+press pressing+game parked+the+bus header+goal headed+goal scored+a+header long+range+goal
      free+kick+goal penalty+save saved+a+penalty equaliser+in+the late+equaliser stoppage+time+winner matchweek
      gameweek fpl fantasy+premier+league`,
    `luka virgil stokes purdy gunners fumble punt kicker`,
    `training+camp back+four back+three`,
    `cheltenham cheltenham+festival grand+national kentucky+derby royal+ascot ascot horse+racing the+derby racecourse`,
    `to+a+penalty from+the+spot penalty+in+the last+minute+winner late+penalty`,
  ],
  weak: `formation bracket brackets penalty herbert burrow crawford bryson fumbles blitz msg fumbled blocked+shot
    screamer+from first+round second+round team teams fans goal goals game games season final score scored scoring
    draft ball win won racing f1 formula+1 grand+prix qualifying sport sports coach player players league+title trophy
    lead+of tie+game the+lead first+half second+half half the+game the+match the+final the+season last+season
    this+season next+season rival rivals rivalry squad lineup bench starters starting+eleven the+boys+in keeper
    defender defence defense offense offence rink cheer cheering chant chants jersey training+camp signing traded
    underdog ninth inning+of pole fighter bout race races lap laps podium medal world+cup+squad chelsea liverpool
    barcelona porto milan forest villa hamilton curry kane judge sinner jordan salah spurs newcastle warriors nuggets
    bucks heat clippers grizzlies suns raptors pistons hornets hawks pelicans thunder jazz patriots cowboys chiefs
    eagles bills ravens jets giants dolphins rams lions bears saints raiders chargers vikings texans titans jaguars
    falcons commanders browns cubs braves cardinals rangers royals rays tigers twins pirates reds brewers guardians
    leafs penguins flyers capitals islanders kraken avalanche lightning ace aces deuce jab brace assist assists
    rebound rebounds dunk dunks sixes spinner terraces the+ninth underdogs skol batter bowled undisputed`,
};
