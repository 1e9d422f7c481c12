import type { NextFunction, Request, Response } from 'express';

type Handler = (req: Request, res: Response, next: NextFunction) => unknown;
type ErrorHandler = (error: unknown, req: Request, res: Response, next: NextFunction) => unknown;

/**
 * Runs connect-style middleware (oauth2orize's) inside a Nest route as Express would: handlers of four
 * parameters handle errors, the others are skipped while an error travels. Settles when the response
 * has been sent, or rejects with an error nobody handled.
 */
export function runChain(req: Request, res: Response, handlers: (Handler | ErrorHandler)[]): Promise<void> {
  return new Promise((resolve, reject) => {
    res.once('finish', () => resolve());
    res.once('close', () => resolve());
    let index = 0;
    const next = (error?: unknown): void => {
      const handler = handlers[index++];
      if (!handler) {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve();
        return;
      }
      try {
        const handlesErrors = handler.length === 4;
        let result: unknown;
        if (error && handlesErrors) result = (handler as ErrorHandler)(error, req, res, next);
        else if (!error && !handlesErrors) result = (handler as Handler)(req, res, next);
        else return next(error);
        if (result instanceof Promise) result.catch(next);
      } catch (thrown) {
        next(thrown);
      }
    };
    next();
  });
}
