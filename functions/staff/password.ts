/**
 * Staff password hashes: `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>`, made by
 * `scripts/staff.mjs` with Node's WebCrypto and checked here with the Workers' WebCrypto.
 * 100,000 iterations is the most workerd's PBKDF2 accepts.
 */

export const pbkdf2Iterations = 100_000;

const HASH_BITS = 256;

// A well-formed hash no password matches, checked when the email is unknown so that a wrong email
// takes as long to refuse as a wrong password.
const DECOY_HASH = `pbkdf2-sha256$${pbkdf2Iterations}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function derive(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
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

function equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
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
    return equalInConstantTime(actual, expected) && stored !== null;
  } catch {
    return false;
  }
}
