/**
 * A token bucket: `burst` tokens, refilled continuously at `ratePerSecond`. One per socket keeps
 * a flooding client from monopolising the node's event loop; well-behaved pickers never notice.
 *
 * @example
 * const bucket = new TokenBucket(20, 40);
 * const wait = bucket.take(); // 0: allowed; > 0: refused, retry after `wait` ms
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now = Date.now(),
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) {
      throw new Error(`TokenBucket needs ratePerSecond > 0 and burst >= 1`);
    }
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one token: returns 0 when allowed, else the ms until a token is available. */
  take(now = Date.now()): number {
    const elapsed = Math.max(0, now - this.last);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.ratePerSecond) / 1000);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond);
  }
}
