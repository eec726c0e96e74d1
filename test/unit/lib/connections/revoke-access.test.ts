import { describe, expect, it } from "vitest";
import { revokeAccess } from "../../../../functions/lib/connections/revoke-access.ts";
import type { RevocationTarget } from "../../../../functions/lib/data/revocation-store.ts";

/** In-memory ports: the DynamoDB store and DeleteConnection run in test/integration/revocation.test.ts. */
function world(userConnections: string[][], tokenConnections: string[] = []) {
  const revoked: RevocationTarget[] = [];
  const closedIds: string[] = [];
  let sweeps = 0;
  return {
    revoked,
    closedIds,
    deps: {
      revocations: {
        revoke: async (target: RevocationTarget) => {
          revoked.push(target);
          return 1_700_000_000;
        },
        connectionsOfToken: async () => tokenConnections,
      },
      connectionsOfUser: async () => userConnections[Math.min(sweeps++, userConnections.length - 1)] ?? [],
      close: async (id: string) => {
        closedIds.push(id);
        return id !== "gone";
      },
      resweepMs: 0,
    },
  };
}

describe("revokeAccess", () => {
  it("stores the revocation before closing anything, then closes each connection once", async () => {
    // Prepare
    const { deps, revoked, closedIds } = world([
      ["c1", "c2"],
      ["c1", "c2"],
    ]);

    // Act
    const result = await revokeAccess(deps, { sub: "bo.agent@bank.example" });

    // Assess
    expect(revoked).toEqual([{ sub: "bo.agent@bank.example" }]);
    expect(closedIds.sort()).toEqual(["c1", "c2"]);
    expect(result).toEqual({ revokedAt: 1_700_000_000, closedConnections: 2 });
  });

  it("closes on the second sweep a connection the user index showed late", async () => {
    // Prepare
    const { deps, closedIds } = world([["c1"], ["c1", "late"]]);

    // Act
    const result = await revokeAccess(deps, { sub: "u" });

    // Assess
    expect(closedIds).toEqual(["c1", "late"]);
    expect(result.closedConnections).toBe(2);
  });

  it("closes a token's connections by jti and does not count connections already gone", async () => {
    // Prepare
    const { deps, closedIds } = world([[]], ["t1", "gone"]);

    // Act
    const result = await revokeAccess(deps, { jti: "token-1" });

    // Assess
    expect(closedIds.sort()).toEqual(["gone", "t1"]);
    expect(result.closedConnections).toBe(1);
  });
});
