import { HttpStatus } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { ProblemException } from '../common/problem';

/**
 * Address ranges a webhook must never reach: the host's own machine and networks behind it (SSRF).
 * BlockList also matches IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) against the IPv4 ranges.
 */
const REFUSED_RANGES = ((): BlockList => {
  const list = new BlockList();
  const ipv4: [string, number][] = [
    ['0.0.0.0', 8], // "this network", including the unspecified 0.0.0.0
    ['10.0.0.0', 8], // private
    ['100.64.0.0', 10], // carrier-grade NAT
    ['127.0.0.0', 8], // loopback
    ['169.254.0.0', 16], // link-local (cloud metadata services live here)
    ['172.16.0.0', 12], // private
    ['192.0.0.0', 24], // IETF protocol assignments
    ['192.168.0.0', 16], // private
    ['198.18.0.0', 15], // benchmarking
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, including the broadcast 255.255.255.255
  ];
  const ipv6: [string, number][] = [
    ['::', 128], // unspecified
    ['::1', 128], // loopback
    ['64:ff9b::', 96], // NAT64: embeds an IPv4 address the gateway would reach for us
    ['fc00::', 7], // unique-local
    ['fe80::', 10], // link-local
    ['ff00::', 8], // multicast
  ];
  for (const [network, prefix] of ipv4) list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of ipv6) list.addSubnet(network, prefix, 'ipv6');
  return list;
})();

/** A webhook URL that passed the checks, with the addresses to connect to (pinned against DNS rebinding). */
export interface VettedWebhookAddress {
  url: URL;
  /** Empty in development mode: connect by name, any address allowed. */
  addresses: { address: string; family: 4 | 6 }[];
}

function refused(message: string): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', message, [
    { field: 'webhookUrl', message },
  ]);
}

export function isRefusedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return REFUSED_RANGES.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Parses `url` and resolves its host name; refuses (400 naming `webhookUrl`) a URL that is not http(s)
 * or any of whose addresses is loopback, private, link-local or otherwise not on the public internet.
 * Every resolved address must pass, so a name that mixes public and private answers is refused too.
 * Outside development mode the vetted addresses are returned for the caller to connect to.
 */
export async function vetWebhookUrl(url: string, devMode: boolean): Promise<VettedWebhookAddress> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refused('webhookUrl must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw refused('webhookUrl must use http or https');
  }
  if (parsed.username || parsed.password) throw refused('webhookUrl must not carry credentials');
  if (devMode) return { url: parsed, addresses: [] };

  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    throw refused(`webhookUrl host "${host}" does not resolve`);
  }
  if (addresses.length === 0) throw refused(`webhookUrl host "${host}" does not resolve`);
  const bad = addresses.find((entry) => isRefusedAddress(entry.address));
  if (bad) {
    throw refused(
      `webhookUrl resolves to ${bad.address}, a loopback, private, link-local or reserved address; webhooks must reach the public internet`,
    );
  }
  return {
    url: parsed,
    addresses: addresses.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 })),
  };
}

/** Refuses (400 naming `webhookUrl`) a webhook URL the host would not deliver to; see `vetWebhookUrl`. */
export async function assertDeliverableWebhookUrl(url: string, devMode: boolean): Promise<void> {
  await vetWebhookUrl(url, devMode);
}
