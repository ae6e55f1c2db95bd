import { describe, expect, it } from "vitest";
import { pbkdf2Iterations, verifyPassword } from "../../functions/staff/password";
import { checkEmail, checkPassword, hashPassword, PBKDF2_ITERATIONS, sqlText } from "../../scripts/staff.mjs";
import { staffPassword, staffPasswordHash } from "../fixtures/staff";

describe("staff password hashes", () => {
  it("the CLI's hashes verify with the Worker's check (same PBKDF2-SHA256 parameters)", async () => {
    expect(PBKDF2_ITERATIONS).toBe(pbkdf2Iterations);
    const hash: string = await hashPassword("a long enough passphrase");
    expect(hash).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword("a long enough passphrase", hash)).toBe(true);
    expect(await verifyPassword("a long enough passphrasE", hash)).toBe(false);
    expect(await hashPassword("a long enough passphrase")).not.toBe(hash);
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

describe("staff CLI input checks", () => {
  it("writes SQL string literals with quotes doubled and refuses control characters", () => {
    expect(sqlText("O'Brien")).toBe("'O''Brien'");
    expect(sqlText("'); DROP TABLE staff_accounts; --")).toBe("'''); DROP TABLE staff_accounts; --'");
    expect(() => sqlText("a\nb")).toThrow();
  });

  it("needs a password of at least 12 characters and a real-looking email", () => {
    expect(() => checkPassword("short")).toThrow(/at least 12/);
    expect(checkPassword("twelve chars")).toBe("twelve chars");
    expect(checkEmail("  Desk@Example.org ")).toBe("desk@example.org");
    expect(() => checkEmail("desk")).toThrow();
    expect(() => checkEmail("a b@example.org")).toThrow();
  });
});
