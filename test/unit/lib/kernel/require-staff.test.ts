import { describe, expect, it } from "vitest";
import type { CustomerIdentity, StaffIdentity } from "../../../../functions/lib/auth/identity.ts";
import { ForbiddenError } from "../../../../functions/lib/errors.ts";
import type { Caller } from "../../../../functions/lib/kernel/caller.ts";
import { requireStaff } from "../../../../functions/lib/kernel/require-staff.ts";

const customer: CustomerIdentity = {
  sub: "customer-1",
  name: "Alex Rivera",
  role: "customer",
  country: "US",
  locale: "en-US",
  segment: "consumer",
  accounts: [{ last4: "1005" }],
};

const staff = (role: StaffIdentity["role"]): StaffIdentity => ({
  sub: `${role}-1`,
  name: "Dana Whitfield",
  role,
  queues: ["us-consumer-en", "us-fraud-en"],
  languages: ["en", "es"],
  maxChats: 3,
});

const calling = (identity: Caller["identity"]): Caller => ({ connectionId: "conn-1", identity });

describe("requireStaff", () => {
  it("refuses a customer with FORBIDDEN", () => {
    // Prepare
    const caller = calling(customer);

    // Act
    const act = () => requireStaff(caller);

    // Assess
    expect(act).toThrow(ForbiddenError);
    expect(act).toThrow(expect.objectContaining({ code: "FORBIDDEN", name: "ForbiddenError" }));
  });

  it.each(["agent", "supervisor"] as const)("lets a %s through with their identity", (role) => {
    // Prepare
    const identity = staff(role);

    // Act
    const returned = requireStaff(calling(identity));

    // Assess
    expect(returned).toBe(identity);
    expect(returned).toEqual({
      sub: `${role}-1`,
      name: "Dana Whitfield",
      role,
      queues: ["us-consumer-en", "us-fraud-en"],
      languages: ["en", "es"],
      maxChats: 3,
    });
  });
});
