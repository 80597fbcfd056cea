import { isIP } from 'node:net';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  /** Requests allowed per key and window; 0 turns the limit off. */
  points: number;
  durationSeconds: number;
  /** Also limit clients on loopback addresses (127.0.0.0/8, ::1). */
  loopback: boolean;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Who a request counts against: the verified token's subject, or the client address without one. */
export function rateLimitKey(subject: string | null, address: string | undefined): string {
  return subject !== null ? `sub:${subject}` : `ip:${address ?? 'unknown'}`;
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'));
}

/** A fixed-window limit in this process's memory (one API process; several would need a shared store). */
export class RateLimit {
  private readonly limiter: RateLimiterMemory | null;

  constructor(private readonly options: RateLimitOptions) {
    this.limiter =
      options.points > 0 ? new RateLimiterMemory({ points: options.points, duration: options.durationSeconds }) : null;
  }

  async take(key: string, address: string | undefined): Promise<RateDecision> {
    if (this.limiter === null || (!this.options.loopback && isLoopback(address))) return { allowed: true };
    try {
      await this.limiter.consume(key);
      return { allowed: true };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }
}
