import type { LexiconEntry } from './types.ts';

/** Fashion and style: clothes, shoes, accessories, brands and houses, shopping and styling, beauty. */
export const fashion: LexiconEntry = {
  strong: [
    `fashion fashionable fashionista outfit outfits ootd wardrobe streetwear sneaker sneakers sneakerhead runway
      catwalk couture haute+couture ready+to+wear vogue fashion+week met+gala lookbook stylist blazer blazers jeans
      denim trousers chinos cargo+pants loafers heels stilettos handbag handbags crossbody menswear womenswear
      capsule+wardrobe fit+check fitcheck outfit+of+the+day gown gowns red+carpet+look clothes+haul new+fit
      street+style streetstyle personal+style style+inspo outfit+inspo fashion+inspo fashion+haul thrift+haul
      thrift+store+haul vintage+haul vintage+store vintage+shop vintage+clothing vintage+denim thrifted+outfit depop
      vinted poshmark grailed stockx sneaker+drop sneaker+release sneaker+collection cop+or+drop midi+skirt maxi+dress
      sundress slip+dress little+black+dress trench+coat puffer+jacket leather+jacket bomber+jacket denim+jacket
      cardigan cardigans turtleneck knitwear crewneck graphic+tee button+down linen+shirt linen+trousers tuxedo
      bow+tie suit+and+tie bucket+hat earrings necklace bracelet jewelry jewellery jewelry+haul manicure nail+art
      lipstick mascara eyeliner eyeshadow makeup+look makeup+haul sephora ulta fenty rare+beauty glossier
      charlotte+tilbury y2k+fashion old+money+aesthetic quiet+luxury cottagecore hypebeast fashion+designer
      fashion+show fashion+brand fashion+industry 👗 👠 👟 👜 👔 🧥 👒 👡 👢 👛 💄 💅 🕶️ 🕶`,
    // houses and brands
    `gucci prada balenciaga chanel dior louis+vuitton versace hermes hermès ysl saint+laurent givenchy valentino fendi
      burberry loewe bottega+veneta miu+miu jacquemus alexander+mcqueen vivienne+westwood comme+des+garcons rick+owens
      margiela maison+margiela stussy carhartt arcteryx the+north+face north+face levis levi+jeans wrangler+jeans
      uniqlo zara h+m shein asos everlane aritzia reformation+dress lululemon gymshark new+balance asics reebok
      air+jordan air+jordans yeezy yeezys air+force+1 af1 air+max birkenstock birkenstocks dr+martens doc+martens
      crocs ugg uggs ray+ban rolex cartier omega+watch seiko patek patek+philippe audemars+piguet tiffany+and+co
      coach+bag kate+spade michael+kors ralph+lauren polo+ralph+lauren tommy+hilfiger calvin+klein hugo+boss armani
      giorgio+armani dolce+and+gabbana moncler canada+goose stone+island off+white+sneakers supreme+drop palace+drop
      aime+leon+dore cos+store arket massimo+dutti mango+outfit urban+outfitters free+people anthropologie+dress`,
  ],
  normal: [
    `designer designers fast+fashion slow+fashion ethical+fashion leopard+print dress dresses skirt skirts jacket
      scarf scarves tailored tailoring drip copped stylish trendy makeup thrift* leather+jacket nike adidas boutique
      accessories accessorize sunglasses dressed dressed+up clothes clothing red+carpet outfit+repeat blouse blouses
      jumpsuit romper overalls dungarees cargos joggers+and oversized+fit baggy+jeans skinny+jeans wide+leg mom+jeans
      straight+leg high+waisted tote+bag shoulder+bag clutch+bag beanie sandals espadrilles ankle+boots chelsea+boots
      combat+boots knee+high+boots platform+boots sneaker+game new+kicks fresh+kicks jordans three+piece+suit
      waistcoat cufflinks tie+clip watch+collection wristwatch silhouette silhouettes hemline neckline pleated ruffles
      sequins sequin embroidered+jacket fabric+choice cashmere merino+wool silk+dress satin linen+dress
      fashion+week+street collection+drop new+collection capsule+collection styling stylish+af dress+code black+tie
      cocktail+dress wedding+guest+outfit wedding+guest+dress prom+dress thrifted thrifting secondhand+clothes
      preloved pre+loved consignment alterations hemmed lipgloss lip+gloss foundation+shade concealer contour
      highlighter+shade blush+shade beauty+haul perfume fragrance cologne nail+polish gel+nails acrylic+nails
      haircut+and hairstyle hairstyles aesthetic+outfit outfit+ideas fit+pic fit+was fit+is+fire fire+fit zara uniqlo
      levis burberry`,
    `one+piece+swimsuit one+piece+swimsuits`,
    `retail+therapy`,
    `nothing+to+wear what+to+wear wedding+outfit wedding+guest+outfit outfit+for`,
  ],
  weak: `vintage style styles trend trends trending fit fits hoodie hoodies shirt shirts tshirt tee tees boots haul
    minimalist boho skincare nails shopping secondhand wear wearing wore worn tote coat coats sweater sweaters jumper
    collection drop season+look looking+good colour+palette color+palette pastel neutral+tones belt hat hats cap shoes
    closet designer+bag jewelry+box leggings shorts pants tights jersey silk wool leather cotton linen lace velvet
    pattern prints print aesthetic suit suits purse flats mules dunks converse vans tailor styled restock restocked`,
};
