// Raised for requests or status arrays that cannot be answered as given: a caller bug, as opposed
// to "not enough seats", which is a null result.

/** A best-available request or status that is malformed; the message names the problem. */
export class BestAvailableError extends Error {
  override readonly name = 'BestAvailableError';
}

/** Throws unless `status` has exactly one entry per seat. */
export function checkStatusLength(seatCount: number, status: ArrayLike<number>): void {
  if (status.length !== seatCount) {
    throw new BestAvailableError(
      `status has ${status.length} entries but the layout has ${seatCount} seats`,
    );
  }
}
