// The standing-place fence with channels, as pure arithmetic over what Postgres reports under the
// area's lock (channels/repo.ts gaTaken): the whole area must not exceed its capacity, and each
// seller must stay within its share — a channel within its allocation, the general pool within
// what the channels leave.
import type { GaTaken } from './repo.ts';

/**
 * Whether `quantity` more places of an area may be sold through `channelId` (null: general pool).
 * @example gaFits([{ channelId: 'ch_1', taken: 8, allocated: 10 }], 'ch_1', 2, 50) // true
 */
export function gaFits(
  figures: readonly GaTaken[],
  channelId: string | null,
  quantity: number,
  capacity: number,
): boolean {
  const total = figures.reduce((sum, f) => sum + f.taken, 0);
  if (total + quantity > capacity) return false;
  const own = figures.find((f) => f.channelId === channelId);
  const share =
    channelId === null
      ? capacity - figures.reduce((sum, f) => sum + (f.channelId === null ? 0 : f.allocated), 0)
      : (own?.allocated ?? 0);
  return (own?.taken ?? 0) + quantity <= share;
}
