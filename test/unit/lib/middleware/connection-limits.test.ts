import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../../../../functions/lib/errors.ts";
import { connectionLimits, frameRule } from "../../../../functions/lib/middleware/connection-limits.ts";
import type { WsContext, WsEvent } from "../../../../functions/lib/middleware/ws-types.ts";

const frameFrom = (connectionId: string) =>
  ({
    event: { requestContext: { connectionId } } as WsEvent,
    context: {} as WsContext,
  }) as unknown as Parameters<NonNullable<ReturnType<typeof connectionLimits>["before"]>>[0];

describe("connectionLimits", () => {
  it("accepts a burst, then refuses with retryAfterSeconds, without touching another connection", () => {
    // Prepare
    const limits = connectionLimits(() => ({ burst: 5, perSecond: 0.5 }));
    const admit = limits.before as (request: unknown) => void;
    const flooding = `flood-${Math.random()}`;

    // Act
    for (let frame = 0; frame < 5; frame += 1) admit(frameFrom(flooding));
    let refused: unknown;
    try {
      admit(frameFrom(flooding));
    } catch (error) {
      refused = error;
    }
    const other = () => admit(frameFrom(`calm-${Math.random()}`));

    // Assess
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).code).toBe("RATE_LIMITED");
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(2);
    expect(other).not.toThrow();
  });

  it.each([
    ["60/10", { burst: 60, perSecond: 10 }],
    ["100000/100000", { burst: 100_000, perSecond: 100_000 }],
    [undefined, { burst: 60, perSecond: 10 }],
    ["nonsense", { burst: 60, perSecond: 10 }],
    ["0/5", { burst: 60, perSecond: 10 }],
  ])("reads the setting %j", (setting, expected) => {
    // Act
    const rule = frameRule(setting);

    // Assess
    expect(rule).toEqual(expected);
  });
});
