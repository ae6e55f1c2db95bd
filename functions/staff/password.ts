/**
 * Staff password hashes, said once for the CLI (`scripts/staff.mjs`, on Node's WebCrypto) and the
 * Worker (workerd's WebCrypto): `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>` with a
 * random 16-byte salt. 100,000 iterations is the most workerd's PBKDF2 accepts (below OWASP's
 * 600,000); the second factor (TOTP) is the compensating control, and the iterations are stored
 * with each hash so a later work factor can be adopted. What a password must be is checked by
 * the CLI (`scripts/password-policy.ts`), the only place passwords are set.
 */

export const pbkdf2Iterations = 100_000;

const HASH_BITS = 256;

// A well-formed hash no password matches, checked when the email is unknown so that a wrong email
// takes as long to refuse as a wrong password.
const DECOY_HASH = `pbkdf2-sha256$${pbkdf2Iterations}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;

/** workerd's constant-time comparison (not in the DOM's SubtleCrypto type). */
const subtle = crypto.subtle as SubtleCrypto & {
  timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean;
};

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

async function derive(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

/** A new hash of `password` with a random salt. */
export async function hashPassword(password: string, iterations = pbkdf2Iterations): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2-sha256$${iterations}$${toBase64(salt)}$${toBase64(await derive(password, salt, iterations))}`;
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const [scheme, rounds, salt, hash] = (stored ?? DECOY_HASH).split("$");
  const iterations = Number(rounds);
  if (scheme !== "pbkdf2-sha256" || !Number.isInteger(iterations) || iterations < 1 || !salt || !hash) {
    return false;
  }
  if (iterations > pbkdf2Iterations) return false;
  try {
    const expected = fromBase64(hash);
    const actual = await derive(password, fromBase64(salt), iterations);
    // timingSafeEqual throws on different lengths.
    return (
      actual.byteLength === expected.byteLength && subtle.timingSafeEqual(actual, expected) && stored !== null
    );
  } catch {
    return false;
  }
}
