// Numbering schemes are data, kept on rows and blocks so the studio can renumber after an edit.
import { z } from 'zod';

/** How seat labels run along a row. */
export const SeatNumbering = z
  .object({
    /** First number given. */
    start: z.number().int().default(1),
    /** `ltr`: the first seat (leftmost as generated) gets `start`; `rtl`: the last one does. */
    direction: z.enum(['ltr', 'rtl']).default('ltr'),
    /** `odd`/`even` step by two (house-left/right numbering); `consecutive` steps by one. */
    pattern: z.enum(['consecutive', 'odd', 'even']).default('consecutive'),
    prefix: z.string().max(16).default(''),
  })
  .readonly();
export type SeatNumbering = z.infer<typeof SeatNumbering>;

/** How row labels run down a block of rows. */
export const RowLabeling = z
  .object({
    style: z.enum(['letters', 'numbers']).default('letters'),
    /** For letters: 0 = "A"; for numbers: the first number. */
    start: z.number().int().nonnegative().default(0),
    /** Letters never used for rows (I and O look like 1 and 0 on a ticket). */
    skip: z.array(z.string().length(1)).default(['I', 'O']),
    /** `true` numbers seats continuously across the block instead of restarting per row. */
    continuousSeats: z.boolean().default(false),
  })
  .readonly();
export type RowLabeling = z.infer<typeof RowLabeling>;
