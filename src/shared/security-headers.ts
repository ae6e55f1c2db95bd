/**
 * Response headers for every page the Worker renders on demand. Prerendered pages get the
 * same values from `public/_headers`; the API gets them from Hono's `secureHeaders`.
 * Script and style sources are not listed here: Astro puts a hash-based policy in each page,
 * and browsers enforce both policies, so this one only adds what a meta policy cannot carry.
 */
export const pageSecurityHeaders = {
  "Content-Security-Policy": "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
} as const satisfies Record<string, string>;

/**
 * The headers above that only a page obeys: `public/_headers` leaves them off the built scripts
 * under `/_astro/` (about 300 bytes on each script a page loads); the others apply to every response.
 */
export const pageOnlyHeaders = [
  "Content-Security-Policy",
  "Referrer-Policy",
  "X-Frame-Options",
  "Cross-Origin-Opener-Policy",
  "Permissions-Policy",
] as const satisfies readonly (keyof typeof pageSecurityHeaders)[];
