import type { LexiconEntry } from './types.ts';

/** Films: cinemas, studios, directors and actors, well-known titles, awards and festivals. */
export const movies: LexiconEntry = {
  strong: [
    // the craft and the outing
    `movie movies movie* cinema cinemas cinephile cinephiles multiplex imax blockbuster blockbusters filmmaker*
      screenplay screenwriter* moviegoer* box+office opening+weekend film+festival film+buff film+buffs movie+night
      movie+theater movie+theatre movie+theaters movie+theatres in+theaters in+theatres the+theaters the+cinema
      at+the+cinema horror+film horror+movie horror+films rom+com romcom romcoms slasher+film arthouse art+house+film
      indie+film indie+films cult+classic cult+film film+noir b+movie animated+film feature+film short+film
      mockumentary director+cut extended+cut theatrical+cut post+credits post+credit+scene end+credits+scene
      jump+scare jumpscare blu+ray 4k+blu+ray criterion+collection cinematographer film+score film+scores movie+score
      🍿 🎬 🎥 📽️ 📽`,
    // awards, festivals, studios, services, cinemas
    `oscars academy+award academy+awards oscar+nominated oscar+winning oscar+bait best+picture best+actress best+actor
      best+director best+supporting golden+globes bafta baftas palme+dor venice+film+festival berlinale sundance tiff
      cannes+film+festival letterboxd pixar a24 dreamworks studio+ghibli warner+bros universal+pictures lionsgate
      blumhouse lucasfilm marvel+studios mubi fandango alamo+drafthouse odeon cineworld amc+theatres regal+cinemas
      drive+in+movie 70mm 4dx mcu dceu`,
    // directors
    `spielberg scorsese tarantino kubrick villeneuve christopher+nolan denis+villeneuve wes+anderson greta+gerwig
      gerwig jordan+peele bong+joon+ho ari+aster guillermo+del+toro del+toro ridley+scott james+cameron tim+burton
      taika+waititi paul+thomas+anderson sofia+coppola francis+ford+coppola coppola chloe+zhao damien+chazelle
      edgar+wright yorgos+lanthimos lanthimos park+chan+wook almodovar fellini tarkovsky godard truffaut kurosawa
      miyazaki hayao+miyazaki hitchcock david+lynch david+fincher fincher spike+lee sam+raimi zack+snyder james+gunn
      ingmar+bergman wong+kar+wai celine+song barry+jenkins robert+eggers kathryn+bigelow sam+mendes steven+soderbergh
      coen+brothers the+coen+brothers jane+campion`,
    // actors
    `meryl+streep tom+hanks leonardo+dicaprio dicaprio timothee+chalamet timothée+chalamet chalamet margot+robbie
      ryan+gosling cillian+murphy florence+pugh emma+stone brad+pitt tom+cruise keanu+reeves denzel+washington
      scarlett+johansson anya+taylor+joy austin+butler nicolas+cage daniel+day+lewis al+pacino robert+de+niro de+niro
      joaquin+phoenix christian+bale natalie+portman cate+blanchett jennifer+lawrence jake+gyllenhaal adam+driver
      paul+mescal saoirse+ronan viola+davis michelle+yeoh ke+huy+quan glen+powell tom+holland robert+pattinson
      kristen+stewart zendaya ryan+reynolds hugh+jackman samuel+l+jackson morgan+freeman harrison+ford
      sigourney+weaver julia+roberts nicole+kidman emma+thompson judi+dench anthony+hopkins gary+oldman tilda+swinton
      mia+goth jenna+ortega dwayne+johnson jason+statham vin+diesel`,
    // titles
    `oppenheimer barbenheimer interstellar dune+part+two dune+part+one the+godfather pulp+fiction fight+club
      blade+runner blade+runner+2049 mad+max fury+road furiosa top+gun top+gun+maverick mission+impossible john+wick
      the+dark+knight jurassic+park jurassic+world everything+everywhere+all+at+once la+la+land the+shining goodfellas
      citizen+kane spirited+away toy+story shrek moana encanto the+lion+king gladiator gladiator+2 braveheart
      schindler+list forrest+gump shawshank the+shawshank+redemption back+to+the+future ghostbusters indiana+jones
      james+bond 007 skyfall no+time+to+die fast+and+furious killers+of+the+flower+moon poor+things past+lives
      the+holdovers anatomy+of+a+fall the+zone+of+interest midsommar anora the+brutalist inside+out+2 knives+out
      glass+onion the+irishman taxi+driver apocalypse+now the+departed no+country+for+old+men there+will+be+blood
      grand+budapest+hotel the+grand+budapest+hotel the+social+network gone+girl se7en the+exorcist the+conjuring
      it+follows a+quiet+place star+wars the+empire+strikes+back return+of+the+jedi the+phantom+menace rogue+one
      lord+of+the+rings the+two+towers the+return+of+the+king the+fellowship+of+the+ring harry+potter deathly+hallows
      prisoner+of+azkaban hunger+games the+hunger+games twilight+saga pirates+of+the+caribbean avengers+endgame
      infinity+war spider+verse across+the+spider+verse the+batman joker+folie barbie+movie wicked+movie
      mean+girls+movie titanic+movie love+actually the+princess+bride the+big+lebowski amelie in+the+mood+for+love
      parasite+movie seven+samurai the+wild+robot flow+movie`,
    // recent films and directors
    `nosferatu gladiator+ii a+complete+unknown sinners+movie mickey+17 thunderbolts jurassic+world+rebirth f1+movie
      materialists 28+years+later weapons+movie the+fantastic+four zootopia zootopia+2 moana+2 deadpool+and+wolverine
      alien+romulus beetlejuice beetlejuice+beetlejuice smile+2 longlegs challengers+movie
      kingdom+of+the+planet+of+the+apes godzilla+minus+one the+boy+and+the+heron the+iron+claw priscilla+movie
      maestro+movie may+december american+fiction society+of+the+snow the+taste+of+things fallen+leaves+movie
      the+wild+robot inside+out+2 kung+fu+panda despicable+me minions+movie the+super+mario+bros+movie
      spider+man+no+way+home no+way+home black+panther+wakanda guardians+of+the+galaxy+vol the+creator+movie
      civil+war+movie the+fall+guy furiosa+a+mad+max+saga ryan+coogler coogler steve+mcqueen+director celine+sciamma
      luca+guadagnino guadagnino sean+baker brady+corbet coralie+fargeat jonathan+glazer alex+garland
      ridley+scott+gladiator matt+reeves rian+johnson saw+it+in+imax saw+it+twice saw+it+in+theaters saw+it+in+cinemas
      cinema+trip went+to+the+cinema went+to+the+movies rewatch+of+the+movie film+of+the+year movie+of+the+year
      best+film best+movie worst+movie`,
  ],
  normal: [
    `film films cinem* cinematography cinematic director directed directing filmmaking actor actress actors actresses
      screening screenings premiere trailer trailers remake remakes reboot franchise hollywood bollywood nollywood
      biopic matinee popcorn cameo sequel sequels prequel prequels spinoff oscar cannes nolan ghibli marvel avengers
      big+screen extended+edition director+commentary subtitles subtitled dubbed film+night movie+marathon
      double+feature slasher horror+flick flick flicks whodunit anime+film superhero+movie superhero+movies plot+hole
      plot+holes movie+trailer teaser+trailer scene+stealer the+credits ending+scene opening+scene rotten+tomatoes
      imdb criterion hans+zimmer john+williams ennio+morricone 🎞️ 🎞`,
    // single-word names that are rarely anything else
    `pixar disney+pixar tarantino gosling dicaprio inception the+prestige dunkirk conclave twisters the+matrix
      casablanca saltburn oppenheimer+and+barbie pacino keanu zimmer kubrick scorsese nolan jedi sith lightsaber
      wookiee hogwarts middle+earth gandalf frodo barbie+and+oppenheimer`,
    `the+director+of the+film+was this+film that+film the+movie+was this+movie that+movie`,
    `first+watch`,
  ],
  weak: `sinners rewatch rewatched rewatching scene scenes credits dvd horror thriller thrillers comedy documentary
    animated trilogy streaming plot+twist villain cast masterpiece disney red+carpet watched+it saw+it sci+fi western
    westerns noir soundtrack the+ending twist cameo+by directorial matrix joker avatar parasite titanic jaws alien
    aliens frozen wicked starring tenet memento godfather hereditary aftersun whiplash dune theater theatre spoilers
    spoiler sequel+to the+original remake+of adaptation adapted`,
};
