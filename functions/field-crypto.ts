/**
 * Encryption at rest for what patients and staff write: a submission's full field set and its
 * internal notes are stored sealed with AES-256-GCM (WebCrypto) under a key from the Worker secret
 * `FIELD_ENCRYPTION_KEYS`. Each sealed value names its key beside the ciphertext
 * (`enc:v1:<key id>:<iv>:<ciphertext>`), so keys can be rotated: the first key in the secret
 * seals, every listed key opens, and `npm run keys:reencrypt` moves every value to the first key.
 * The columns staff search and sort on (names, date of birth, dates, claim number) stay plain.
 *
 * Shared with `scripts/keys.mjs`, which runs it under Node 24 (same WebCrypto).
 */

/** The keys: `current` seals, any of `byId` opens. */
export interface FieldKeys {
  current: { id: string; key: CryptoKey };
  byId: ReadonlyMap<string, CryptoKey>;
}

const PREFIX = "enc:v1:";
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** A new random key entry for the secret: `<id>:<32 random bytes, base64>`. */
export function newKeyEntry(id: string): string {
  if (!KEY_ID.test(id)) throw new Error("A key id is 1 to 32 letters, digits, dashes or underscores.");
  return `${id}:${toBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
}

const cache = new Map<string, Promise<FieldKeys>>();

/**
 * The keys in `secret` ("k2:base64,k1:base64", newest first); throws when it is missing or
 * malformed, so nothing is ever stored unsealed by mistake. The message names no key.
 */
export function fieldKeys(secret: string | undefined): Promise<FieldKeys> {
  const text = secret?.trim() ?? "";
  let keys = cache.get(text);
  if (!keys) {
    keys = importKeys(text);
    cache.set(text, keys);
    keys.catch(() => cache.delete(text));
  }
  return keys;
}

async function importKeys(text: string): Promise<FieldKeys> {
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error("FIELD_ENCRYPTION_KEYS is not set.");
  const byId = new Map<string, CryptoKey>();
  let current: FieldKeys["current"] | undefined;
  for (const entry of entries) {
    const [id = "", encoded = ""] = entry.split(":");
    let raw: Uint8Array<ArrayBuffer>;
    try {
      raw = fromBase64(encoded);
    } catch {
      raw = new Uint8Array(0);
    }
    if (!KEY_ID.test(id) || raw.length !== 32 || byId.has(id)) {
      throw new Error("FIELD_ENCRYPTION_KEYS holds an entry that is not <id>:<32 bytes in base64>.");
    }
    const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
    byId.set(id, key);
    current ??= { id, key };
  }
  return { current: current!, byId };
}

/**
 * `plaintext` sealed under the current key. `context` (say `submission:RX-7K3Q9PA`) is bound to
 * the ciphertext as additional data, so a sealed value cannot be moved to another row unnoticed.
 */
export async function seal(keys: FieldKeys, plaintext: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(context) },
    keys.current.key,
    new TextEncoder().encode(plaintext),
  );
  return `${PREFIX}${keys.current.id}:${toBase64(iv)}:${toBase64(new Uint8Array(sealed))}`;
}

/** The key id a stored value is sealed under, or null for a value stored before encryption. */
export function sealedKeyId(stored: string): string | null {
  return stored.startsWith(PREFIX) ? (stored.slice(PREFIX.length).split(":")[0] ?? null) : null;
}

/** The plaintext of a stored value; a value stored before encryption is returned as it is. */
export async function unseal(keys: FieldKeys, stored: string, context: string): Promise<string> {
  if (!stored.startsWith(PREFIX)) return stored;
  const [id = "", iv = "", data = ""] = stored.slice(PREFIX.length).split(":");
  const key = keys.byId.get(id);
  if (!key) throw new Error(`No key "${id}" in FIELD_ENCRYPTION_KEYS to open a stored value.`);
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromBase64(iv), additionalData: new TextEncoder().encode(context) },
    key,
    fromBase64(data),
  );
  return new TextDecoder().decode(plain);
}

/** The context a submission's fields are sealed with. */
export function fieldsContext(reference: string): string {
  return `submission:${reference}`;
}

/** The context a note is sealed with. */
export function noteContext(submissionId: number): string {
  return `note:${submissionId}`;
}
