import { isIP } from "node:net";

/**
 * Address ranges checked on every request (the trusted proxies), with plain
 * arithmetic: node:net's BlockList allocates a SocketAddress per check, and
 * proxy-addr parses each address into objects, both costly on the redirect path.
 */

/** An address as 16-bit groups: 2 for IPv4, 8 for IPv6. */
type Groups = number[];

/** A dotted IPv4 address (already checked by isIP) as two groups, read digit by digit: no array of parts per request. */
function ipv4Groups(address: string): Groups {
  let a = 0;
  let b = 0;
  let c = 0;
  let octet = 0;
  let dots = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address.charCodeAt(i);
    if (ch !== 46 /* "." */) {
      octet = octet * 10 + ch - 48;
      continue;
    }
    if (dots === 0) a = octet;
    else if (dots === 1) b = octet;
    else c = octet;
    dots++;
    octet = 0;
  }
  return [(a << 8) | b, (c << 8) | octet];
}

function ipv6Groups(address: string): Groups {
  let text = address;
  const zone = text.indexOf("%");
  if (zone !== -1) text = text.slice(0, zone);
  // An IPv4 tail ("::ffff:10.0.0.1", "64:ff9b::192.0.2.1") is the last two groups.
  if (text.includes(".")) {
    const cut = text.lastIndexOf(":");
    const [hi, lo] = ipv4Groups(text.slice(cut + 1)) as [number, number];
    text = `${text.slice(0, cut + 1)}${hi.toString(16)}:${lo.toString(16)}`;
  }
  const gap = text.indexOf("::");
  const part = (s: string) => (s ? s.split(":").map((h) => parseInt(h, 16)) : []);
  if (gap === -1) return part(text);
  const head = part(text.slice(0, gap));
  const rest = part(text.slice(gap + 2));
  return [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest];
}

/** An IPv4 address written as IPv6 ("::ffff:10.0.0.1") is the IPv4 address. */
export function unmapped(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

interface Range {
  family: 4 | 6;
  groups: Groups;
  prefix: number;
}

function inRange(groups: Groups, r: Range): boolean {
  let bits = r.prefix;
  for (let i = 0; bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((groups[i]! & mask) !== (r.groups[i]! & mask)) return false;
  }
  return true;
}

/**
 * A range as written in configuration: an address ("10.0.0.1", "::1") or a
 * CIDR range ("10.0.0.0/8", "fc00::/7"); null when it is neither.
 */
export function parseRange(text: string): Range | null {
  const [address = "", bits, extra] = text.trim().split("/");
  const plain = unmapped(address);
  const family = isIP(plain);
  if (family !== 4 && family !== 6) return null;
  if (extra !== undefined || bits === "") return null;
  const max = family === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (bits !== undefined && !/^\d+$/.test(bits))) return null;
  return { family, groups: family === 4 ? ipv4Groups(plain) : ipv6Groups(plain), prefix };
}

/**
 * A check of addresses against ranges; anything that is not an address is
 * outside them. A caller that has just told the address's family (isIP of the
 * unmapped address) passes it, so the address is not parsed twice.
 */
export function rangeChecker(ranges: Range[]): (address: string, knownFamily?: 4 | 6) => boolean {
  const v4 = ranges.filter((r) => r.family === 4);
  const v6 = ranges.filter((r) => r.family === 6);
  return (address, knownFamily) => {
    const plain = knownFamily ? address : unmapped(address);
    const family = knownFamily ?? isIP(plain);
    if (family === 4) {
      const groups = ipv4Groups(plain);
      return v4.some((r) => inRange(groups, r));
    }
    if (family === 6) {
      const groups = ipv6Groups(plain);
      return v6.some((r) => inRange(groups, r));
    }
    return false;
  };
}
