/**
 * The staff notification (issue #14, point 8): a new submission emails the clinic that something
 * is waiting, with a link to /staff and not one submitted value; at most one email per 10
 * minutes; a failing email never fails the submission; no recipients, no email.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../functions/app";
import { mvaClaimBody, newKey, prescriptionBody } from "../fixtures/submissions";

let ipCounter = 0;
const freshIp = () => `10.44.${Math.floor(++ipCounter / 250) % 250}.${ipCounter % 250}`;

type Sent = { from: string; to: string[]; subject: string; text: string };

/** The Worker's env with recipients set and the EMAIL binding wrapped to record what is sent. */
function notifyingEnv(send: (message: Sent) => Promise<unknown> = (m) => env.EMAIL.send(m)) {
  const sent: Sent[] = [];
  const email = {
    send: async (message: Sent) => {
      sent.push(message);
      return send(message);
    },
  };
  return {
    sent,
    env: {
      ...env,
      STAFF_NOTIFY_TO: " frontdesk@example.org , ",
      STAFF_NOTIFY_FROM: "website@example.org",
      EMAIL: email as unknown as SendEmail,
    },
  };
}

/** Posts one form as the browser's script does, and waits for what the Worker does after answering. */
async function submit(
  testEnv: typeof env,
  path: string,
  body: Record<string, string>,
  key = newKey(),
): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await api.request(
    path,
    {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp(), "Idempotency-Key": key },
      body: JSON.stringify(body),
    },
    testEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

/** Moves the last email `minutes` into the past, as if that much time had gone by. */
async function lastSentMinutesAgo(minutes: number): Promise<void> {
  await env.DB.prepare("UPDATE staff_notification SET last_sent_at = ?1 WHERE id = 1")
    .bind(new Date(Date.now() - minutes * 60_000).toISOString())
    .run();
}

beforeEach(async () => {
  await env.DB.prepare("UPDATE staff_notification SET last_sent_at = NULL WHERE id = 1").run();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("the staff notification email", () => {
  it("says only that a form is waiting and links to /staff: no submitted value, date, kind or reference", async () => {
    const { sent, env: testEnv } = notifyingEnv();
    const distinctive = {
      patientFirstName: "Zephyrine",
      patientLastName: "Quillfeather",
      claimNumber: "CLM-QX-778812",
      autoInsurer: "Orbisonic Mutual",
      adjusterName: "Thaddeus Wroxley",
      message: "Whiplash after the crash on Redwood Highway",
    };
    const body = mvaClaimBody(distinctive);
    const res = await submit(testEnv, "/api/mva-claims", body);
    expect(res.status).toBe(201);
    const { reference } = await res.json<{ reference: string }>();

    expect(sent).toHaveLength(1);
    const [email] = sent;
    expect(email!.to).toEqual(["frontdesk@example.org"]);
    expect(email!.from).toBe("website@example.org");
    expect(email!.text).toMatch(/^Sign in to the staff desk to see it: https?:\/\/[^/\s]+\/staff$/m);
    const words = `${email!.subject}\n${email!.text}`;
    for (const value of [reference, ...Object.values(body).filter((v) => v.length >= 6)])
      expect(words).not.toContain(value);
    for (const part of ["Zephyrine", "Quillfeather", "778812", "Whiplash"]) expect(words).not.toContain(part);
    expect(words).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}/);
    expect(words).not.toMatch(/MVA-|RX-|GFE-|accident|claim|prescription|estimate/i);
  });

  it("goes out once for three submissions inside 10 minutes, and again after them", async () => {
    const { sent, env: testEnv } = notifyingEnv();
    for (const body of [mvaClaimBody(), prescriptionBody(), mvaClaimBody()]) {
      const path = "claimNumber" in body ? "/api/mva-claims" : "/api/prescriptions";
      expect((await submit(testEnv, path, body)).status).toBe(201);
    }
    expect(sent).toHaveLength(1);

    await lastSentMinutesAgo(9);
    expect((await submit(testEnv, "/api/mva-claims", mvaClaimBody())).status).toBe(201);
    expect(sent).toHaveLength(1);

    await lastSentMinutesAgo(11);
    expect((await submit(testEnv, "/api/mva-claims", mvaClaimBody())).status).toBe(201);
    expect(sent).toHaveLength(2);
  });

  it("goes out once when submissions arrive at the same moment", async () => {
    const { sent, env: testEnv } = notifyingEnv();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => submit(testEnv, "/api/mva-claims", mvaClaimBody())),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(sent).toHaveLength(1);
  });

  it("is not sent again for a replayed submission", async () => {
    const { sent, env: testEnv } = notifyingEnv();
    const key = newKey();
    const body = mvaClaimBody();
    expect((await submit(testEnv, "/api/mva-claims", body, key)).status).toBe(201);
    await lastSentMinutesAgo(11);
    const replay = await submit(testEnv, "/api/mva-claims", body, key);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(sent).toHaveLength(1);
  });

  it("failing to send still stores the submission (201), logs no submitted value, and the next one tries again", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failing = notifyingEnv(async () => {
      throw new Error("destination address not verified");
    });
    const res = await submit(failing.env, "/api/mva-claims", mvaClaimBody({ patientLastName: "Vantablack" }));
    expect(res.status).toBe(201);
    expect(failing.sent).toHaveLength(1);
    expect(errors).toHaveBeenCalled();
    expect(JSON.stringify(errors.mock.calls)).not.toContain("Vantablack");

    const working = notifyingEnv();
    expect((await submit(working.env, "/api/mva-claims", mvaClaimBody())).status).toBe(201);
    expect(working.sent).toHaveLength(1);
  });

  it("is not sent, and nothing breaks, when no recipients or no sender are set", async () => {
    for (const unset of [
      { STAFF_NOTIFY_TO: undefined },
      { STAFF_NOTIFY_TO: " , " },
      { STAFF_NOTIFY_FROM: "" },
    ]) {
      const { sent, env: testEnv } = notifyingEnv();
      const res = await submit({ ...testEnv, ...unset }, "/api/mva-claims", mvaClaimBody());
      expect(res.status).toBe(201);
      expect(sent).toEqual([]);
    }
    // The 10 minutes were not started either: the first configured send goes out.
    const { sent, env: testEnv } = notifyingEnv();
    await submit(testEnv, "/api/mva-claims", mvaClaimBody());
    expect(sent).toHaveLength(1);
  });

  it("is not sent for a refused submission", async () => {
    const { sent, env: testEnv } = notifyingEnv();
    const res = await submit(testEnv, "/api/mva-claims", mvaClaimBody({ claimNumber: "" }));
    expect(res.status).toBe(422);
    expect(sent).toEqual([]);
  });
});
