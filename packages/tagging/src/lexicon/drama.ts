import type { LexiconEntry } from './types.ts';

/** Theatre and drama: plays and musicals, the stage and its people, and TV drama series (k-dramas, soaps). */
export const drama: LexiconEntry = {
  strong: [
    `broadway west+end off+broadway playwright playwrights shakespeare monologue soliloquy audition auditioned
      auditions auditioning rehearsal rehearsals dress+rehearsal tech+week opening+night closing+night curtain+call
      kdrama k+drama kdramas cdrama jdrama soap+opera soap+operas telenovela telenovelas improv+show improv+class
      improv understudy understudies thespian thespians theatre+group theater+group theatre+company theater+company
      amateur+dramatics am+dram community+theatre community+theater drama+club drama+school drama+class
      standing+ovation stage+manager stagecraft backstage+pass the+tonys tony+awards tony+award olivier+award oliviers
      national+theatre old+vic royal+court+theatre globe+theatre the+globe+theatre rsc royal+shakespeare+company
      edinburgh+fringe fringe+festival fringe+show musical+theatre musical+theater the+musical broadway+show
      west+end+show stage+adaptation stage+play the+play+was hamilton+musical les+mis les+miserables
      phantom+of+the+opera dear+evan+hansen six+the+musical hadestown book+of+mormon mamma+mia sweeney+todd
      into+the+woods sondheim lin+manuel lin+manuel+miranda andrew+lloyd+webber lloyd+webber moulin+rouge+musical
      merrily+we+roll+along sunset+boulevard+musical wicked+musical the+lion+king+musical cabaret+show macbeth
      king+lear romeo+and+juliet midsummer+night+dream a+midsummer+night+dream twelfth+night the+tempest
      much+ado+about+nothing waiting+for+godot death+of+a+salesman tennessee+williams arthur+miller ibsen beckett+play
      crash+landing+on+you queen+of+tears extraordinary+attorney+woo reply+1988 hospital+playlist
      twenty+five+twenty+one itaewon+class the+glory+kdrama vincenzo+kdrama my+mister 🎭`,
  ],
  normal: [
    `theatre theater theatres theaters drama dramas acting musical musicals tragedy act+one act+two second+act
      first+act stage+play the+play theatrical playhouse matinee intermission cast+list casting+call callback
      callbacks panto pantomime opera+singer sketch+comedy stand+up+comedy standup+comedy comedy+club comedy+show
      comedy+special open+mic+comedy drama+series period+drama costume+drama this+drama the+drama+was k+dramas
      chinese+drama korean+drama korean+dramas thai+drama turkish+drama leading+man leading+lady supporting+role
      ensemble+cast character+actor stage+actor stage+actress cabaret shakespearean chekhov ibsen`,
  ],
  weak: `hamilton wicked the+stage on+stage onstage the+audience backstage play plays stage actor actress actors cast
    performance performances comedy plot+twist cliffhanger finale audience tickets scene scenes lines script role
    roles character characters villain tragic romance episode episodes`,
};
