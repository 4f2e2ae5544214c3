import type { LexiconEntry } from './types.ts';

/** Photography: cameras and lenses, film and digital, genres,  and editing. */
export const photo: LexiconEntry = {
  strong: [
    `photography photographer photographers lens lenses aperture shutter shutter+speed exposure long+exposure
      double+exposure dslr mirrorless nikon fujifilm leica hasselblad pentax olympus+camera lumix rangefinder
      point+and+shoot medium+format large+format prime+lens zoom+lens telephoto wide+angle+lens macro+lens
      macro+photography fisheye golden+hour photoshoot photo+shoot shot+on lightroom capture+one bokeh depth+of+field
      focal+length tripod gimbal monopod astrophotography street+photography film+photography landscape+photography
      portrait+photography wildlife+photography wedding+photography wedding+photographer food+photography
      product+photography sports+photography concert+photography documentary+photography black+and+white+photography
      darkroom portra ektar ilford hp5 tri+x cinestill kodak+gold film+camera film+cameras 35mm+film 120+film
      medium+format+film instax polaroid+camera x100v x100vi x100f fuji+x100 sony+a7 a7iii a7iv a7rv canon+r5 canon+r6
      nikon+z6 nikon+z8 fuji+xt5 xt5 ricoh+gr gr3 gopro raw+files shooting+raw shoot+raw presets+for photo+editing
      photo+walk photowalk photo+exhibition photo+book photobook contact+sheet film+scans negatives magnum+photos
      ansel+adams vivian+maier henri+cartier+bresson annie+leibovitz photo+of+the+day photooftheday shot+this
      took+this+shot 📸 📷`,
    // cameras
    `canon+ae+1 ae+1 nikon+f3 nikon+fm2 pentax+k1000 olympus+om+1 om+1 contax+t2 yashica mamiya rolleiflex minolta
      leica+m6 leica+q leica+q3 ricoh+gr3 fuji+x100 fuji+recipes film+sim film+simulation x+t5 x+pro3 hasselblad+x2d`,
  ],
  normal: [
    `photo photos camera cameras portrait portraits canon kodak polaroid polaroids blue+hour milky+way wedding+photos
      photo+walk 35mm+film film+roll roll+of+film 🎞️ photoshop retouching retouch candid candids headshots new+camera
      new+lens camera+roll iso+800 iso+3200 f+1 f+2 f+8 stopped+down sharp+focus focus+stacking shallow+depth
      photographed photographing drone+shot drone+footage drone+shots aerial+shot film+lab film+developing
      developed+my+film scanned+negatives prints+of photo+prints print+sale landscape+shot sunset+shot sunrise+shot
      wildlife+shot dji+mini dji+drone mavic instagram+photography`,
    `black+and+white+film first+roll roll+of+black+and+white shot+my+first+roll`,
  ],
  weak: `compose composed the+shot this+shot my+shot snapped snapping editing edited developing framing composition
    drone sunset sunrise picture pictures pic pics shoot shooting shots the+light shadows shadow framed captured
    exposure+to blurry grain grainy color+grading colour+grading sensor megapixels iso`,
};
