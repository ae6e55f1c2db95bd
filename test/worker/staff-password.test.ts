import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../functions/staff/password";
import { staffPassword, staffPasswordHash } from "../fixtures/staff";

// In workerd: the check uses its crypto.subtle.timingSafeEqual.
describe("staff password hashes", () => {
  it("a new hash verifies for its password and no other", async () => {
    const hash = await hashPassword("a long enough passphrase");
    expect(await verifyPassword("a long enough passphrase", hash)).toBe(true);
    expect(await verifyPassword("a long enough passphrasE", hash)).toBe(false);
  });

  it("the fixture hash was made by the CLI for the fixture password", async () => {
    expect(await verifyPassword(staffPassword, staffPasswordHash)).toBe(true);
  });

  it("refuses malformed or over-expensive hashes and a missing account's decoy", async () => {
    expect(await verifyPassword(staffPassword, null)).toBe(false);
    expect(await verifyPassword(staffPassword, "plain-text-password")).toBe(false);
    expect(await verifyPassword(staffPassword, "pbkdf2-sha256$abc$AAAA$AAAA")).toBe(false);
    expect(await verifyPassword(staffPassword, staffPasswordHash.replace("100000", "100001"))).toBe(false);
    expect(await verifyPassword(staffPassword, staffPasswordHash.replace("pbkdf2-sha256", "md5"))).toBe(
      false,
    );
  });
});
