import type { LexiconEntry } from './types.ts';

/** DIY and crafts: yarn and sewing, woodworking and tools, upcycling and repairs, paper, resin, making. */
export const diy: LexiconEntry = {
  strong: [
    `diy handmade built+a+bookshelf built+a+bookcase sawdust crafting crafts crafter crafters craft+room craft+fair
      craft+supplies craft+project knit knitting knitted knitter knitters crochet crocheting crocheted crocheter
      amigurumi granny+square granny+squares yarn skein skeins knitting+needles crochet+hook sewing sew sewed sewn
      seamstress sewing+machine serger quilting quilt quilts quilted embroider cross+stitch needlepoint applique
      felting needle+felting weaving+loom macrame beading jewelry+making candle+making soap+making resin+art
      epoxy+resin polymer+clay woodworking woodwork woodworker woodturning wood+turning lathe chisel chisels
      hand+plane table+saw miter+saw mitre+saw circular+saw band+saw power+tools sander sanding sandpaper wood+glue
      wood+stain varnish varnished polyurethane dovetail dovetails joinery mortise tenon plywood 2x4 2x4s
      reclaimed+wood scrap+wood live+edge workbench garage+workshop tool+chest screwdriver nail+gun glue+gun hot+glue
      cricut vinyl+cutter heat+press block+printing decoupage scrapbook scrapbooking card+making papercraft
      paper+craft origami bookbinding leather+working leatherwork leathercraft upholstery reupholster reupholstered
      refinish refinished refinishing furniture+flip furniture+flipping thrift+flip upcycle upcycled upcycling
      repurposed repurpose handcrafted 3d+print 3d+printed makerspace hackerspace cosplay+build prop+making model+kit
      model+kits gunpla mini+painting painting+minis painted+minis diy+project weekend+project home+project
      chalk+paint drill+press built+a+shelf built+a+bench built+a+table built+a+desk built+the+shed built+a+shed
      made+a+quilt made+a+cardigan knitted+a sewed+a crocheted+a 🧶 🧵 🪡 🪚 🛠️ 🛠 🪛 🔧`,
  ],
  normal: [
    `craft crafty embroidered etsy+shop homemade sanding sanded fabric pottery ceramics cosplay etsy resin beading
      stencil stencils soldering soldered reclaimed pallet pallets cutting+board raised+bed raised+beds sewing+machine
      makers renovation renovated workbench embroidery stained restoring restored restoration+project restore+an
      knitting+pattern sewing+pattern crochet+pattern youtube+tutorial fixed+the+leak fixed+the+sink fixed+the+door
      fixed+it+myself did+it+myself diy+fail repair+cafe tiling grout regrout regrouted caulk caulking drywall
      plastering spackle patched+the+wall painted+the+fence painted+the+shed stripped+the+paint wood+filler lumber
      timber+frame toolbox hammer+and+nails nails+and+screws drill+bits cordless+drill impact+driver kiln glaze+firing
      clay+project air+dry+clay paper+mache papier+mache felt+crafts pom+poms lego+build lego+set dollhouse diorama
      terrain+building bookbinder ikea+hack hobby+lobby joann michaels+haul craft+store fabric+store yarn+store
      local+yarn+shop 🔨 ✂️ ✂ 🪜`,
  ],
  weak: `paint painted painting+the project projects build built fix fixed fixing repair repaired repairing restore
    restored tutorial pattern candles glue glued drill drilled workshop from+scratch hammer wood wooden walnut oak
    pine tools tool shelf shelves sawed assembled assembly flat+pack made+my+own made+a made+this handmade+gift
    homemade+gift lego router maker plaster primer screws tool+kit miniature miniatures needles stitch stitches
    stitching hem buttons beads glaze clay`,
};
