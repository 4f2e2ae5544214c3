import type { LexiconEntry } from './types.ts';

/** Home decor and interiors: furniture,  and makeovers, styles, lighting and textiles, renovations. */
export const home: LexiconEntry = {
  strong: [
    `interior+design interior+designer interior+designers interiors decor home+decor decorating redecorated
      redecorating furniture kitchen+renovation kitchen+remodel bathroom+renovation bathroom+remodel accent+chair
      throw+pillows throw+pillow throw+blanket gallery+wall mid+century midcentury mid+century+modern mcm countertops
      backsplash accent+wall feature+wall reading+nook apartment+tour home+tour house+tour room+tour room+makeover
      bedroom+makeover living+room+makeover kitchen+makeover bathroom+makeover feng+shui decorate sectional+sofa
      coffee+table side+table console+table dining+table dining+chairs nightstand nightstands bed+frame headboard
      floating+shelves wall+art pendant+light pendant+lights sconce sconces chandelier fairy+lights paint+color
      paint+colour paint+colours paint+colors wallpapered peel+and+stick kitchen+island kitchen+cabinets
      cabinet+hardware butcher+block hardwood+floors wainscoting crown+molding crown+moulding open+plan floor+plan
      japandi scandi+style scandinavian+design maximalist maximalism modern+farmhouse art+deco industrial+style
      coastal+decor boho+decor cozy+corner hygge ikea+haul west+elm crate+and+barrel pottery+barn wayfair zara+home
      h+m+home anthropologie+home cb2 muji+furniture homegoods tj+maxx+finds eames eames+chair herman+miller noguchi
      tulip+table vitra dream+home home+staging curb+appeal declutter decluttering decluttered marie+kondo konmari
      tablescape centerpiece centrepiece seasonal+decor fall+decor autumn+decor halloween+decor christmas+decor
      holiday+decor styling+the+shelves home+inspo decor+inspo interior+inspo new+sofa new+couch new+rug new+curtains
      🛋️ 🛋 🪞`,
  ],
  normal: [
    `renovation renovations forest+green sage+green olive+green emerald+green bottle+green navy+blue dusty+pink
      paint+swatches paint+samples furniture+flip furniture+flipping remodel remodeling remodelled sofa sofas rug rugs
      curtains drapes cushions armchair armchairs living+room dining+room guest+room guest+bedroom home+office mudroom
      entryway scandinavian boho wallpaper shelving nook ikea vase vases fixtures headboard dresser makeover decorated
      duvet bedding linen+sheets bed+linen table+lamp floor+lamp lampshade mirror+on+the+wall throw+rug area+rug
      runner+rug velvet+sofa boucle rattan wicker cane+chair marble+table marble+countertops quartz+countertops
      subway+tiles tile+backsplash terrazzo plaster+walls limewash lime+wash sage+green+walls accent+colour
      accent+color neutral+palette earth+tones colour+scheme color+scheme our+first+home redo+the rearranged+the
      rearranging+the+furniture shelfie bookcase bookcases closet+organization pantry+organization storage+solutions
      entryway+table cozy+home cosy+home`,
    `overhead+light warm+lighting pendant+lamp`,
  ],
  weak: `pendant couch hallway moved+in moving+in new+apartment new+flat new+place new+house first+home homeowner
    homeowners spare+room nesting lamp lamps lighting cozy cosy bedroom marble tiles shelves bookshelf minimalist
    aesthetic brass velvet apartment kitchen frames 🏡 🏠 🪴 layout bulbs paint painted painting+the home style styled
    beige sage candles candle cushion shelf`,
};
