/**
 * True when a request comes from a page of this site: its `Origin` is the request's own, or the
 * browser says `Sec-Fetch-Site: same-origin`. A cross-site page can make a browser send neither;
 * a request with neither (a script, curl) is not same-origin. The staff API's gate and the staff
 * pages' form posts both use this one rule.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null && origin === new URL(request.url).origin) return true;
  return request.headers.get("sec-fetch-site") === "same-origin";
}
