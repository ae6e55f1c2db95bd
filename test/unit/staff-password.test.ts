import { describe, expect, it } from "vitest";
import { hashPassword as workerHashPassword, pbkdf2Iterations } from "../../functions/staff/password";
import { checkEmail, checkPassword, hashPassword, sqlText } from "../../scripts/staff.mjs";

describe("staff password hashes", () => {
  it("the CLI hashes with the Worker's own module (one PBKDF2 for both)", async () => {
    expect(hashPassword).toBe(workerHashPassword);
    const hash: string = await hashPassword("a long enough passphrase");
    expect(hash).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(hash.split("$")[1]).toBe(String(pbkdf2Iterations));
    expect(await hashPassword("a long enough passphrase")).not.toBe(hash);
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
