import type { LexiconEntry } from './types.ts';

/** Visual art: making it, artists, movements, museums and galleries. */
export const art: LexiconEntry = {
  strong: [
    `art artist artists artwork artworks painting paintings painter painters sculpture sculptures sculptor sculptors
      mural murals watercolor watercolors watercolour watercolours oil+painting oil+paintings oil+paints acrylics
      gouache sketchbook sketchbooks sketching illustration illustrations illustrator illustrators street+art graffiti
      art+show art+exhibit art+exhibition art+gallery art+galleries fine+art contemporary+art modern+art printmaking
      linocut woodcut etching lithograph screenprint screen+print risograph life+drawing figure+drawing plein+air
      still+life self+portrait landscape+painting digital+art digital+painting procreate concept+art character+design
      fan+art fanart art+commission art+commissions artist+alley art+school art+class art+history art+fair art+basel
      frieze+art art+scene art+world art+collector art+collection art+studio gallery+opening private+view vernissage
      retrospective+exhibition mixed+media collage collages impressionism impressionist impressionists
      post+impressionism expressionism abstract+expressionism cubism surrealism surrealist pop+art art+nouveau
      art+deco+poster pre+raphaelite modernist+art conceptual+art installation+art performance+art video+art brushwork
      brush+strokes brushstrokes paintbrush paintbrushes easel palette+knife color+theory colour+theory art+supplies
      art+journal 🎨 🖼️ 🖼 🖌️ 🖌 🖍️ 🖍`,
    // artists
    `van+gogh vincent+van+gogh picasso monet manet renoir degas cezanne cézanne matisse rembrandt vermeer caravaggio
      michelangelo da+vinci leonardo+da+vinci botticelli klimt egon+schiele schiele edvard+munch munch+scream
      the+scream dali dalí salvador+dali magritte miro miró frida+kahlo kahlo frida diego+rivera warhol andy+warhol
      basquiat keith+haring banksy rothko mark+rothko pollock jackson+pollock de+kooning hockney david+hockney
      edward+hopper georgia+okeeffe okeeffe kandinsky mondrian hokusai the+great+wave goya velazquez velázquez
      el+greco bruegel durer dürer titian kusama yayoi+kusama ai+weiwei jeff+koons damien+hirst anish+kapoor
      louise+bourgeois marina+abramovic hilma+af+klint tracey+emin kehinde+wiley kaws turner+prize bob+ross
      toulouse+lautrec gauguin seurat modigliani chagall hieronymus+bosch artemisia+gentileschi caspar+david+friedrich
      william+blake john+singer+sargent whistler+mother rodin`,
    // museums and galleries
    `louvre moma met+museum the+met+museum metropolitan+museum guggenheim tate+modern tate+britain national+gallery
      national+portrait+gallery uffizi prado rijksmuseum van+gogh+museum musee+dorsay musée+dorsay orsay pompidou
      centre+pompidou the+getty getty+museum getty+center lacma the+whitney whitney+museum art+institute+of+chicago
      saatchi+gallery serpentine+gallery hermitage+museum venice+biennale documenta the+frick frick+collection
      royal+academy v+and+a+museum kunsthalle museum+of+modern+art`,
  ],
  normal: [
    `gallery galleries pixel+art the+louvre+pyramid art+deco canvas canvases paint sketch sketches sketched drawing
      drawings exhibition pottery ceramics portrait portraits calligraphy doodle doodles doodling artsy acrylic
      charcoal renaissance pastels oil+paint ink+drawing pen+and+ink lettering hand+lettering tattoo+artist
      tattoo+design commissions+open art+print art+prints zine zines curator curators curated+by exhibit+opening
      sculpted sculpting clay+sculpture ceramicist potter pottery+class pottery+wheel wheel+throwing glazing+pottery
      kiln drew+this painted+this my+latest+painting my+drawing my+art my+artwork masterpieces masterpiece+at
      museum+visit gallery+visit baroque rococo bauhaus minimalism+art abstract+art abstract+painting abstract+painter
      figurative brush+pen alcohol+markers copic colored+pencils coloured+pencils graphite tate artistic
      creativity+flowing art+block artblock`,
  ],
  weak: `museum abstract brush brushes creative masterpiece colors colours frames draw drew drawn exhibit paints
    painted pencil pencils ink marker markers sketchy palette canvas+bag frame framed tattoo tattoos mural+of
    commission`,
};
