/**
 * "Who is a client", said once for every limiter (form posts, sign-in, the sign-in throttle):
 * an IPv4 address; an IPv6 address's /64 (one subscriber usually holds a whole /64 and could
 * otherwise rotate addresses inside it); an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) as its
 * IPv4 address.
 */
import type { Context } from "hono";
import ipaddr from "ipaddr.js";

/** The client key of an address as Cloudflare reports it in `CF-Connecting-IP`. */
export function clientKey(ip: string | undefined): string {
  const text = ip?.trim() ?? "";
  if (!ipaddr.isValid(text)) return "unknown";
  const address = ipaddr.process(text);
  if (address.kind() === "ipv4") return address.toString();
  const groups = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${groups.join(":")}::/64`;
}

/** The client key of the request's sender. */
export function requestClientKey(c: Context): string {
  return clientKey(c.req.header("cf-connecting-ip"));
}
