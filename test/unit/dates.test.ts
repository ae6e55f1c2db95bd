import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addYears,
  ageOn,
  daysBetween,
  isIsoDate,
  parseDateInput,
  todayInOregon,
} from "../../src/shared/dates";

describe("parseDateInput", () => {
  it.each([
    ["2026-03-04", "2026-03-04"],
    ["3/4/2026", "2026-03-04"],
    ["03/04/2026", "2026-03-04"],
    ["3-4-2026", "2026-03-04"],
    [" 12/31/1999 ", "1999-12-31"],
    ["2024-2-29", "2024-02-29"],
    ["2/29/2024", "2024-02-29"],
  ])("reads %j as %s", (input, expected) => {
    expect(parseDateInput(input)).toBe(expected);
  });

  it.each([
    ["2026-02-30", "February 30"],
    ["2/29/2026", "February 29 in a common year"],
    ["13/1/2026", "month 13"],
    ["4/31/2026", "April 31"],
    ["0/10/2026", "month 0"],
    ["3/4/26", "a two-digit year"],
    ["0999-01-01", "a year before 1000"],
    ["March 4, 2026", "words"],
    ["2026-03-04T00:00:00Z", "a timestamp"],
    ["", "nothing"],
  ])("rejects %j (%s)", (input) => {
    expect(parseDateInput(input)).toBeNull();
  });

  it("reads back every real date written either way", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split("-").map(Number);
          expect(parseDateInput(iso)).toBe(iso);
          expect(parseDateInput(`${m}/${day}/${y}`)).toBe(iso);
        },
      ),
    );
  });
});

describe("todayInOregon", () => {
  it("uses Pacific time, not UTC", () => {
    expect(todayInOregon(new Date("2026-03-05T07:30:00Z"))).toBe("2026-03-04");
    expect(todayInOregon(new Date("2026-03-05T08:30:00Z"))).toBe("2026-03-05");
    expect(todayInOregon(new Date("2026-07-05T06:59:00Z"))).toBe("2026-07-04");
    expect(todayInOregon(new Date("2026-07-05T07:00:00Z"))).toBe("2026-07-05");
  });

  it("returns an ISO date", () => {
    expect(isIsoDate(todayInOregon())).toBe(true);
  });
});

describe("addYears", () => {
  it("keeps the calendar day", () => {
    expect(addYears("2026-03-04", 1)).toBe("2027-03-04");
    expect(addYears("2026-03-04", -2)).toBe("2024-03-04");
  });

  it("turns February 29 into February 28 in a common year", () => {
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
  });

  it("refuses a string that is not an ISO date", () => {
    expect(() => addYears("3/4/2026", 1)).toThrow(RangeError);
  });
});

describe("daysBetween", () => {
  it("counts calendar days, across daylight-saving changes", () => {
    expect(daysBetween("2026-03-01", "2026-03-31")).toBe(30);
    expect(daysBetween("2026-11-01", "2026-11-02")).toBe(1);
    expect(daysBetween("2026-03-31", "2026-03-01")).toBe(-30);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });
});

describe("ageOn", () => {
  it("counts completed years", () => {
    expect(ageOn("1980-04-27", "2026-04-26")).toBe(45);
    expect(ageOn("1980-04-27", "2026-04-27")).toBe(46);
    expect(ageOn("2026-01-01", "2026-12-31")).toBe(0);
  });

  it("ages someone born on February 29 on February 28 in common years", () => {
    expect(ageOn("2004-02-29", "2025-02-27")).toBe(20);
    expect(ageOn("2004-02-29", "2025-02-28")).toBe(21);
  });
});
