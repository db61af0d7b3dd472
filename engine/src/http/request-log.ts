// Request ids and access logging in one tiny middleware. pino-http would do the same, but it
// builds a child logger and serialises the request for every call even when the level is off;
// on the hot hold/release path that alone costs a noticeable share of throughput.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

// A caller's id is echoed only when it is short and plain, so log lines cannot be forged with it.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id (the caller's `x-request-id` when safe, else a new UUID), echoes it
 * in the `x-request-id` response header, and logs one line per finished request at `info`.
 * @example app.use(requestLog(logger));
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    if (logger.isLevelEnabled('info')) {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        logger.info(
          { requestId, method: req.method, url: req.originalUrl, status: res.statusCode, ms },
          'request',
        );
      });
    }
    next();
  };
}
