import type { LexiconEntry } from './types.ts';

/** Books and reading: formats and shops, genres, authors, well-known titles, writing and publishing. */
export const books: LexiconEntry = {
  strong: [
    `book books novel penguin+random+house random+house penguin+books novels novelist novelists bookworm book+club
      bookclub booktok bookstagram paperback paperbacks hardcover hardcovers hardback ebook ebooks kindle kobo
      audiobook audiobooks tbr bookshop bookshops bookstore bookstores page+turner memoir memoirs fiction nonfiction
      non+fiction literature literary goodreads storygraph novella novellas bestseller bestsellers reading+list
      book+haul book+review book+reviews reading+challenge reading+goal reading+slump reading+nook+book library+book
      library+books library+card libby+app first+edition signed+copy debut+novel short+stories short+story+collection
      essay+collection poetry+collection literary+fiction science+fiction+novel fantasy+novel fantasy+series
      romance+novel romance+novels romantasy enemies+to+lovers whodunit crime+novel mystery+novel thriller+novel
      unreliable+narrator prose unputdownable couldnt+put+it+down couldnt+put+this+down finished+reading
      started+reading currently+reading just+finished+reading reading+this+book booker+prize pulitzer+prize hugo+award
      nebula+award penguin+classics dnfed dnf+ed book+nook nanowrimo my+manuscript literary+agent querying+agents
      self+published 📚 📖 📕 📗 📘 📙 🔖`,
    // authors
    `stephen+king brandon+sanderson sanderson tolkien jrr+tolkien rowling jk+rowling grrm george+r+r+martin
      neil+gaiman gaiman terry+pratchett pratchett discworld ursula+le+guin le+guin octavia+butler margaret+atwood
      atwood toni+morrison sally+rooney colleen+hoover sarah+j+maas acotar fourth+wing rebecca+yarros
      taylor+jenkins+reid emily+henry kazuo+ishiguro ishiguro haruki+murakami murakami donna+tartt hanya+yanagihara
      cormac+mccarthy james+baldwin zadie+smith jane+austen austen bronte brontë dickens charles+dickens dostoevsky
      tolstoy chekhov nabokov virginia+woolf james+joyce hemingway f+scott+fitzgerald steinbeck orwell george+orwell
      aldous+huxley kafka camus proust borges garcia+marquez gabriel+garcia+marquez agatha+christie conan+doyle
      arthur+conan+doyle le+carre john+grisham dan+brown lee+child james+patterson andy+weir frank+herbert asimov
      isaac+asimov philip+k+dick robin+hobb patrick+rothfuss joe+abercrombie madeline+miller matt+haig
      yuval+noah+harari malcolm+gladwell brene+brown paulo+coelho coelho mary+shelley bram+stoker homer+odyssey
      sylvia+plath ocean+vuong rupi+kaur mary+oliver emily+dickinson walt+whitman shakespeare+sonnets roald+dahl
      dr+seuss judy+blume rick+riordan suzanne+collins leigh+bardugo rebecca+kuang rf+kuang v+e+schwab ve+schwab
      tj+klune freida+mcfadden lucy+foley richard+osman ann+patchett elena+ferrante karl+ove+knausgaard
      ottessa+moshfegh`,
    // titles and series
    `the+hobbit the+silmarillion lord+of+the+rings a+song+of+ice+and+fire the+wheel+of+time wheel+of+time mistborn
      stormlight stormlight+archive way+of+kings the+way+of+kings name+of+the+wind the+name+of+the+wind red+rising
      six+of+crows shadow+and+bone percy+jackson the+hunger+games+books three+body+problem the+three+body+problem
      piranesi circe the+song+of+achilles song+of+achilles the+midnight+library where+the+crawdads+sing
      tomorrow+and+tomorrow+and+tomorrow lessons+in+chemistry evelyn+hugo the+seven+husbands+of+evelyn+hugo
      it+ends+with+us verity+by the+alchemist atomic+habits thinking+fast+and+slow the+count+of+monte+cristo
      count+of+monte+cristo monte+cristo les+miserables+book war+and+peace anna+karenina crime+and+punishment
      brothers+karamazov the+brothers+karamazov moby+dick pride+and+prejudice jane+eyre wuthering+heights the+odyssey
      the+iliad beowulf don+quixote middlemarch east+of+eden the+grapes+of+wrath of+mice+and+men to+kill+a+mockingbird
      catcher+in+the+rye the+catcher+in+the+rye the+bell+jar little+women blood+meridian infinite+jest lonesome+dove
      the+goldfinch fahrenheit+451 slaughterhouse+five slaughterhouse+5 catch+22 the+great+gatsby great+gatsby
      brave+new+world nineteen+eighty+four the+secret+history a+little+life project+hail+mary the+martian+book
      dune+messiah children+of+dune the+handmaid+tale+book one+hundred+years+of+solitude the+remains+of+the+day
      never+let+me+go norwegian+wood kafka+on+the+shore the+road+cormac the+kite+runner a+thousand+splendid+suns
      the+book+thief the+secret+garden the+little+prince le+petit+prince alice+in+wonderland the+giver
      the+color+purple a+court+of+thorns+and+roses throne+of+glass the+cruel+prince iron+flame onyx+storm babel+rf
      the+poppy+war legends+and+lattes the+house+in+the+cerulean+sea cerulean+sea the+thursday+murder+club
      thursday+murder+club gone+girl+book the+silent+patient`,
  ],
  normal: [
    `reading reader history+books light+novel light+novels readers reread rereading rereads library libraries author
      authors chapter chapters poetry poem poems poet poets annotate annotating annotated publisher publishers
      publishing manuscript tolkien dostoevsky tolstoy austen dickens orwell hemingway kafka murakami bookshelf
      graphic+novel lord+of+the+rings harry+potter hogwarts biography biographies autobiography anthology haiku sonnet
      sonnets epilogue prologue narrator sequel+to+the+book read+it+in+one+sitting one+sitting reading+it reading+the
      a+good+read good+read great+read a+great+read quick+read beach+read light+reading bedtime+reading reading+time
      reading+corner sci+fi+novel crime+fiction historical+fiction science+fiction speculative+fiction young+adult
      ya+novel middle+grade writing+my+novel first+draft second+draft rewrite+of chapter+one literary+festival
      author+event signed+by+the+author grisham sapiens gatsby frankenstein dracula dnf audible protagonist yellowface`,
  ],
  weak: `read reads bookshelf bookshelves pages fantasy trilogy series writing writer writers story stories sci+fi
    chapter+of prose+poem reading+glasses spine plot characters thriller thrillers mystery romance horror classic
    classics edition volume volumes library+day bookmark bookmarks dune patterson`,
};
