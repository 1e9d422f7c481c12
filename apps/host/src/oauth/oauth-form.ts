import express, { type NextFunction, type Request, type Response } from 'express';
import { LIMITS } from '../common/limits';

/** OAuth endpoints take application/x-www-form-urlencoded bodies (RFC 6749 §4.1.3, RFC 7009, RFC 7662). */
export const parseForm = express.urlencoded({ extended: false, limit: LIMITS.oauthFormBytes });

/** Token responses (and errors) carry credentials or reveal their state: never cache them (RFC 6749 §5.1). */
export function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  next();
}

export function formField(request: Request, name: string): string | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}
