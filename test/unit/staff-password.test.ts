import { describe, expect, it } from "vitest";
import { hashPassword as workerHashPassword, pbkdf2Iterations } from "../../functions/staff/password";
import { commonPasswordCount, passwordProblem } from "../../scripts/password-policy";
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
    expect(() => checkPassword("short", "desk@example.org")).toThrow(/at least 12/);
    expect(checkPassword("twelve chars", "desk@example.org")).toBe("twelve chars");
    expect(() => checkPassword("x".repeat(1025), "desk@example.org")).toThrow(/at most 1024/);
    expect(checkEmail("  Desk@Example.org ")).toBe("desk@example.org");
    expect(() => checkEmail("desk")).toThrow();
    expect(() => checkEmail("a b@example.org")).toThrow();
  });
});

describe("staff password policy (checked by the CLI, where passwords are set)", () => {
  it("knows at least 10,000 common passwords and refuses them, also with digits or symbols around them", () => {
    expect(commonPasswordCount).toBeGreaterThanOrEqual(10_000);
    for (const password of [
      "qwertyuiop123",
      "1qaz2wsx3edc",
      "password123456",
      "iloveyou2026!",
      "Password1234",
    ]) {
      expect(passwordProblem(password, "desk@example.org"), password).toMatch(/common passwords/);
    }
    expect(passwordProblem("a long staff passphrase 42", "desk@example.org")).toBeNull();
  });

  it("refuses a password holding the email's name part or a piece of it", () => {
    expect(passwordProblem("my desk is tidy today", "desk@example.org")).toMatch(/name part/);
    expect(passwordProblem("Robin-Lee-likes-tea", "robin.lee@example.org")).toMatch(/name part/);
    expect(passwordProblem("jo likes long walks", "jo.smith@example.org")).toBeNull();
  });
});
