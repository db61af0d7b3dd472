// The sample venues, by file name. `build-samples.ts` writes them to seatmaps/samples/; the
// committed JSON files are what the CLI, the engine's first start and the tests load.
import type { SeatmapDocumentInput } from '../model/document.ts';
import { blackBox } from './black-box.ts';
import { cabaret } from './cabaret.ts';
import { concertHall } from './concert-hall.ts';
import { jazzClub } from './jazz-club.ts';
import { stadium } from './stadium.ts';

export const SAMPLES: Readonly<Record<string, () => SeatmapDocumentInput>> = {
  'concert-hall': concertHall,
  'black-box': blackBox,
  cabaret,
  'jazz-club': jazzClub,
  stadium,
};
