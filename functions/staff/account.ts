import { Hono } from "hono";
import type { AccountPage } from "../../src/shared/staff-contract";
import { disableAccount, listAccounts } from "../db/accounts";
import { endOtherSessions, listSessions } from "../db/sessions";
import { clientIp, sessionOf, type StaffEnv } from "./auth";
import { requireRole } from "./roles";
import { idParam, notFound, valid } from "../validate";

/**
 * Your account and, for admins, everyone's: `GET /account` (your live sessions; every account
 * for an admin), `POST /sessions/sign-out-others` (ends your other sessions), and for admins
 * `POST /accounts/:id/disable` (blocks an account and ends its sessions; not your own).
 */
export const staffAccount = new Hono<StaffEnv>()
  .get("/account", async (c) => {
    const session = sessionOf(c);
    const page: AccountPage = {
      sessions: await listSessions(c.env.DB, session, c.var.now),
      accounts: session.member.role === "admin" ? await listAccounts(c.env.DB) : null,
    };
    return c.json(page);
  })
  .post("/sessions/sign-out-others", async (c) => {
    const ended = await endOtherSessions(c.env.DB, sessionOf(c), { ip: clientIp(c), now: c.var.now });
    return c.json({ ended });
  })
  .post("/accounts/:id/disable", requireRole("admin"), valid("param", idParam), async (c) => {
    const { id } = c.req.valid("param");
    const session = sessionOf(c);
    if (id === session.member.id) {
      return c.json(
        {
          error: "cannot_disable_self" as const,
          message: "You cannot disable your own account. Ask another admin, or use the staff command.",
        },
        409,
      );
    }
    const disabled = await disableAccount(c.env.DB, { id, actor: session.member.email, now: c.var.now });
    if (!disabled) return notFound(c);
    return c.json({ disabled: true });
  });
