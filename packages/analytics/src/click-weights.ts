import type { Click } from '@chirp/core';

/** How much a click of each kind says about interest: sharing says most, a dwell says a little. */
export const CLICK_WEIGHTS: Readonly<Record<Click['kind'], number>> = {
  open: 1,
  dwell: 2,
  like: 3,
  share: 5,
};
