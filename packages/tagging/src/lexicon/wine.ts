import type { LexiconEntry } from './types.ts';

/** Wine: grapes and styles, regions, tasting and cellaring, wineries and sommeliers. */
export const wine: LexiconEntry = {
  strong: [
    `wine wines winery wineries vineyard vineyards sommelier somm wine+tasting wine+tastings wine+bar wine+list
      wine+pairing wine+club wine+cellar wine+fridge wine+glass wine+glasses wine+country wine+region wine+tour
      wine+trip cellar+door cellaring decant decanted decanter decanting corkage corkscrew uncorked uncork cabernet
      cabernet+sauvignon cab+sauv cabernet+franc merlot pinot pinot+noir pinot+grigio pinot+gris chardonnay chablis
      sauvignon sauvignon+blanc sancerre riesling gewurztraminer gruner gruner+veltliner malbec syrah shiraz zinfandel
      tempranillo rioja garnacha grenache nebbiolo barolo barbaresco sangiovese chianti brunello montepulciano amarone
      valpolicella primitivo nero+davola aglianico vermentino albarino albariño verdejo gamay beaujolais
      cotes+du+rhone chateauneuf chateauneuf+du+pape burgundy+wine red+burgundy white+burgundy bordeaux+blend
      left+bank+bordeaux cremant crémant cava prosecco franciacorta lambrusco moscato port+wine tawny+port
      vintage+port madeira+wine marsala+wine sake+tasting orange+wine natural+wine natural+wines pet+nat petnat
      biodynamic skin+contact tannins tannin tannic minerality terroir varietal varietals oaky full+bodied
      medium+bodied dry+riesling red+wine white+wine rose+wine rosé+wine sparkling+wine dessert+wine fortified+wine
      napa+valley napa sonoma willamette willamette+valley barossa barossa+valley marlborough+sauvignon douro
      douro+valley piedmont rhone+valley loire loire+valley champagne+region mosel priorat ribera+del+duero
      stellenbosch okanagan finger+lakes+wine wine+spectator tasting+notes vino glass+of+red glass+of+white
      glass+of+wine bottle+of+wine bottle+of+red bottle+of+white bottle+of+champagne 🍷 🍾`,
  ],
  normal: [
    `champagne rosé bordeaux napa sonoma cellar pairing notes+of sherry cava 🥂 vintage+champagne grand+cru premier+cru
      wine+and+cheese wine+night wine+o+clock wine+mom winemaker winemakers winemaking vintner grape+harvest
      the+harvest+at grape+varieties blanc+de+blancs sparkling+rose brut dry+white dry+red the+bubbly cheeky+glass
      popped+a+bottle cracked+open+a+bottle nose+of long+finish acidity+and fruit+forward jammy buttery+chardonnay
      mendoza marlborough tuscany+wine rioja+reserva reserva gran+reserva`,
  ],
  weak: `bubbly palate opened+a+bottle vintage bottle bottles cork oak grape grapes harvest tasting sparkling
    cellar+temperature pairing+with fruity`,
};
