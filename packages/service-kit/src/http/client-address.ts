import { BlockList, isIPv6 } from 'node:net';

/**
 * Where a proxy in front of a service can be: this host (the native stack's shell) or a private
 * network (the cluster's pods). A caller from a public address is never taken for a proxy.
 */
const privateNetworks = new BlockList();
for (const [network, prefix] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
] as const) {
  privateNetworks.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  privateNetworks.addSubnet(network, prefix, 'ipv6');

/**
 * Express's `trust proxy`: who the client is. Exactly one proxy hop is trusted — the shell, which
 * replaces X-Forwarded-For with the address it saw — so the client is the last X-Forwarded-For entry
 * when the peer is on a private network, else the peer itself. Entries before the last are whatever
 * the client wrote and never count: rotating them must not buy a fresh rate limit.
 */
export function trustOneProxyHop(address: string, hop: number): boolean {
  return hop === 0 && privateNetworks.check(address, isIPv6(address) ? 'ipv6' : 'ipv4');
}
