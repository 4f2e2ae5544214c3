import type { LexiconEntry } from './types.ts';

/** Music: listening, playing, gigs and festivals, genres, instruments, artists and bands. */
export const music: LexiconEntry = {
  strong: [
    // listening and  music
    `music musician musicians in+rainbows vinyl album albums concert concerts gig gigs setlist spotify playlist
      playlists song songs lyrics singer singers songwriter songwriters singer+songwriter rapper rappers melody
      bassline on+repeat grammy grammys record+player record+store record+shop record+collection turntable turntables
      mixtape encore acoustic live+music classical+music composer composers soundcloud bandcamp choir bop bops
      mosh+pit moshpit apple+music new+album new+single new+ep debut+album studio+album sophomore+album live+album
      album+drop album+release lp lps favourite+band favorite+band live+show new+track world+tour tour+dates
      sold+out+show headliner headlining headline+set opening+act support+act soundcheck sound+check meet+and+greet
      crowd+surf crowdsurfing open+mic open+mic+night jam+session band+practice record+label spotify+wrapped last+fm
      shazam shazamed music+video earworm a+cappella acapella vocalist vocalists frontman frontwoman lead+singer
      falsetto harmonies chords chord+progression fingerpicking strumming fretboard capo guitar+lessons piano+lessons
      drum+lessons singing+lessons vocal+lessons learning+guitar learning+piano learning+bass learning+drums
      learning+violin music+festival music+festivals festival+lineup 🎵 🎶 🎸 🎧 🎹 🎷 🎺 🎻 🥁 🎤 🪕 🪗`,
    // instruments and gear
    `guitar guitars guitarist bassist bass+guitar electric+guitar acoustic+guitar drummer drums drum+kit piano pianist
      grand+piano violin violinist viola+player cello cellist double+bass upright+bass saxophone saxophonist trumpet
      trumpeter trombone tuba french+horn clarinet oboe bassoon flute+player harp+player harpist ukulele banjo
      mandolin harmonica accordion synthesizer synthesizers modular+synth drum+machine theremin orchestra symphony
      philharmonic pedalboard fuzz+pedal guitar+pedal guitar+amp amplifier stratocaster telecaster les+paul
      fender+strat gibson+guitar marshall+amp ableton fl+studio logic+pro daw midi+keyboard mpc`,
    // genres
    `hip+hop hiphop jazz techno edm kpop k+pop jpop j+pop indie+rock indie+pop alt+rock punk+rock pop+punk emo+music
      shoegaze grunge britpop synthpop synthwave vaporwave lofi lo+fi+beats hyperpop r+b rnb neo+soul soul+music
      funk+music disco house+music deep+house drum+and+bass dnb dubstep trance+music uk+garage reggae reggaeton
      afrobeats afrobeat dancehall bachata cumbia country+music bluegrass folk+music gospel+music heavy+metal
      death+metal black+metal metalcore post+rock math+rock prog+rock progressive+rock classic+rock hard+rock bebop
      smooth+jazz boom+bap trap+music city+pop bossa+nova baroque+music chamber+music`,
    // festivals and venues
    `coachella glastonbury lollapalooza bonnaroo primavera+sound download+festival reading+festival leeds+festival
      tomorrowland roskilde fuji+rock rock+werchter sziget outside+lands governors+ball electric+daisy+carnival
      burning+man+set boiler+room red+rocks royal+albert+hall carnegie+hall jazz+club ronnie+scott eurovision
      mercury+prize brit+awards billboard+hot+100 hot+100 pitchfork`,
    // artists and bands
    `taylor+swift swifties swiftie eras+tour beyonce beyoncé kendrick+lamar kendrick kanye kanye+west rihanna adele
      billie+eilish olivia+rodrigo sabrina+carpenter chappell+roan dua+lipa harry+styles ed+sheeran bruno+mars
      the+weeknd weeknd sza bad+bunny doja+cat lana+del+rey lizzo lady+gaga ariana+grande justin+bieber blackpink
      newjeans stray+kids the+beatles beatles rolling+stones the+rolling+stones led+zeppelin pink+floyd
      freddie+mercury david+bowie bowie radiohead foo+fighters metallica iron+maiden black+sabbath ac+dc guns+n+roses
      red+hot+chili+peppers arctic+monkeys the+strokes coldplay joy+division new+order+band depeche+mode fleetwood+mac
      abba elton+john billy+joel bruce+springsteen springsteen bob+dylan johnny+cash dolly+parton willie+nelson
      kacey+musgraves zach+bryan morgan+wallen luke+combs chris+stapleton hozier phoebe+bridgers boygenius mitski
      lorde frank+ocean tyler+the+creator travis+scott jay+z eminem snoop+dogg tupac biggie+smalls wu+tang outkast
      j+cole lil+wayne nicki+minaj cardi+b megan+thee+stallion post+malone the+1975 paramore my+chemical+romance
      fall+out+boy green+day blink+182 linkin+park slipknot deftones system+of+a+down gojira sleep+token daft+punk
      aphex+twin fred+again skrillex calvin+harris avicii deadmau5 four+tet massive+attack portishead bjork björk
      kate+bush michael+jackson whitney+houston mariah+carey stevie+wonder aretha+franklin marvin+gaye miles+davis
      john+coltrane coltrane ella+fitzgerald nina+simone louis+armstrong duke+ellington herbie+hancock
      kamasi+washington vivaldi debussy tchaikovsky stravinsky rachmaninoff brahms schubert puccini philip+glass
      yo+yo+ma nirvana+song kurt+cobain noah+kahan charli+xcx brat+summer the+national+band vampire+weekend
      tame+impala lcd+soundsystem bon+iver sufjan+stevens the+war+on+drugs big+thief fontaines+dc idles wet+leg
      black+country+new+road king+gizzard queens+of+the+stone+age pearl+jam soundgarden alice+in+chains sex+pistols
      ramones talking+heads the+velvet+underground velvet+underground r+e+m the+who jimi+hendrix hendrix janis+joplin
      eric+clapton santana prince+song queen+band bohemian+rhapsody oasis+reunion oasis+tickets blur+gig
      the+stone+roses the+verve rosalia rosalía karol+g shakira peso+pluma stromae burna+boy wizkid tems asake`,
    // more artists and listening talk
    `chappell kendrick+album sza+album the+last+dinner+party wet+leg fontaines hozier+gig beabadoobee clairo laufey
      olivia+dean raye jorja+smith little+simz stormzy dave+rapper central+cee skepta aitch arlo+parks
      holly+humberstone mitski+album japanese+breakfast alvvays snail+mail soccer+mommy lucy+dacus julien+baker
      weyes+blood big+thief+gig idles+gig deftones+gig bring+me+the+horizon spiritbox knocked+loose architects+band
      the+weeknd+tour post+malone+tour the+1975+gig coldplay+tickets oasis+tickets taylor+swift+tickets
      eras+tour+tickets new+music+friday listening+party release+party album+release+show discography first+pressing
      gatefold colored+vinyl coloured+vinyl record+haul vinyl+haul crate+digging learned+wonderwall wonderwall
      open+chords barre+chords power+chords guitar+solo drum+solo bass+line tiny+desk tiny+desk+concert
      boiler+room+set dj+set b2b+set warehouse+rave festival+season lineup+announcement`,
  ],
  normal: [
    `band bands opera+singer jazz+festival world+music traditional+music rap rapping blues metal punk dj djs djing
      festival soundtrack chorus riff riffs karaoke sing singing sang tour touring front+row mozart beethoven bach
      chopin mahler opera sax track tracks ep headphones listening musical new+track synth synths venue the+drop
      chills+every vinyl vinyls remix remixes cover+song covers+album b+side deep+cut ballad ballads lullaby hymn
      hymns recital recitals rehearsing bpm producer+tag beat+drop the+bridge+of vocals duet gig+tonight listening+to
      headliners lineup+for tour+poster merch+table concert+tickets tickets+for+the album+of+the+year song+of+the+year
      listened+to this+song this+album that+song that+album the+album the+song songs+of hummed sang+along
      singing+along belted belting serenade serenaded piano+cover guitar+cover strings+section brass+band
      marching+band big+band jazz+band cover+band tribute+band rock+band indie+band punk+band metal+band boy+band
      girl+group drake eilish rodrigo gaga bieber weeknd fender chord bts the+killers the+smiths`,
    `listening+to+this this+track that+track the+track+is the+chorus the+lyrics these+lyrics`,
    `rave`,
    `sang+every+word screamed+every+word every+word+of lost+my+voice+at stuck+in+my+head+all the+support+act
      the+encore`,
    `banger bangers`,
  ],
  weak: `bass jamming goosebumps gives+me+goosebumps the+verse single tickets listen listening billboard pop slaps
    radio beat beats stage rock tune tunes live tour+bus set+list opener charts chart playlist+for drums+in scales
    tuning tuned amp sampler swift oasis nirvana cassette cassettes anthem anthems vocal harmony humming`,
};
