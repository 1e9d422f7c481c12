import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { LIMITS } from '../common/limits';
import { ProblemException } from '../common/problem';
import { vetWebhookUrl, type VettedWebhookAddress } from './webhook-address';

/** Header names of a webhook request; receivers dedupe by the event id. */
export const WEBHOOK_HEADERS = {
  eventId: 'Kongjian-Event-Id',
  eventType: 'Kongjian-Event-Type',
  signature: 'Kongjian-Signature',
  /** The id of the request that caused the event (its X-Request-Id), when a request did. */
  requestId: 'Kongjian-Request-Id',
} as const;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the app's webhook secret>`. */
export function webhookSignature(secret: string, timestampSeconds: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${digest}`;
}

/** What a receiver answered: its status code and the start of its body, for the delivery log. */
export interface ReceiverAnswer {
  statusCode: number;
  /** At most LIMITS.webhookResponseExcerptMax characters of the body. */
  excerpt: string;
}

/**
 * Why a delivery attempt did not succeed, in words the app's developer can act on; `answer` is the
 * receiver's, when it answered at all.
 */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly answer: ReceiverAnswer | null = null,
  ) {
    super(message);
  }
}

/** Connects only to the addresses vetted a moment ago, whatever the name resolves to by now (DNS rebinding). */
export function pinnedLookup(addresses: VettedWebhookAddress['addresses']): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

/**
 * POSTs one signed webhook. Resolves to the receiver's answer when it is 2xx; otherwise throws a
 * DeliveryFailure saying why (refused address, network error, timeout, or the status the receiver
 * answered, with the answer). Outside development
 * mode the URL is vetted again now and the connection goes to the vetted address. `signal` aborts the
 * attempt (host shutdown): the abort reason is rethrown as is.
 */
export async function postWebhook(request: {
  url: string;
  body: string;
  headers: Record<string, string>;
  devMode: boolean;
  signal: AbortSignal;
}): Promise<ReceiverAnswer> {
  let target: VettedWebhookAddress;
  try {
    target = await vetWebhookUrl(request.url, request.devMode);
  } catch (error) {
    if (error instanceof ProblemException)
      throw new DeliveryFailure(`Refused: ${error.detail ?? error.message}`);
    throw error;
  }
  const timeout = AbortSignal.timeout(LIMITS.webhookTimeoutMs);
  const signal = AbortSignal.any([request.signal, timeout]);
  const transport = target.url.protocol === 'https:' ? https : http;
  const answer = await new Promise<ReceiverAnswer>((resolve, reject) => {
    const outgoing = transport.request(
      target.url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(request.body),
          'User-Agent': 'Kongjian-Webhooks/1',
          ...request.headers,
        },
        // A fresh connection per attempt: a pooled one could outlive the address check.
        agent: false,
        signal,
        ...(target.addresses.length > 0 ? { lookup: pinnedLookup(target.addresses) } : {}),
      },
      (response) => {
        let excerpt = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (excerpt.length < LIMITS.webhookResponseExcerptMax) excerpt += chunk;
        });
        response.on('end', () =>
          resolve({
            statusCode: response.statusCode ?? 0,
            excerpt: excerpt.slice(0, LIMITS.webhookResponseExcerptMax),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  }).catch((error: unknown) => {
    if (request.signal.aborted) throw request.signal.reason;
    if (timeout.aborted) throw new DeliveryFailure(`No answer within ${LIMITS.webhookTimeoutMs / 1000} s`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new DeliveryFailure(`Could not reach the webhook URL: ${code ?? (error as Error).message}`);
  });
  if (answer.statusCode < 200 || answer.statusCode > 299) {
    const excerpt = answer.excerpt.trim().replace(/\s+/g, ' ');
    throw new DeliveryFailure(
      `The receiver answered ${answer.statusCode}${excerpt ? `: ${excerpt}` : ''}`,
      answer,
    );
  }
  return answer;
}
