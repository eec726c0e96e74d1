import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
} from "@aws-sdk/lib-dynamodb";
import { CLOCK_SKEW_SECONDS } from "../auth/token-lifetime.ts";
import { REVOKED_SK, revokedTokenPk, revokedUserPk, tokenConnectionSk, tokenPk } from "./keys.ts";
import { connectionExpiry } from "./retention.ts";

/** What a revocation names: a user (all their tokens issued so far), one token id, or both. */
export interface RevocationTarget {
  readonly sub?: string;
  readonly jti?: string;
}

/** The parts of a verified token a revocation can match. */
export interface TokenReference {
  readonly sub: string;
  readonly tokenId?: string;
  readonly issuedAt: number;
}

export interface RevocationCheck {
  isRevoked(token: TokenReference): Promise<boolean>;
}

/**
 * Revocations in the chat table (ACCESS-PATTERNS.md, "revocation"). A user revocation refuses every
 * token issued to that `sub` at or before `revokedAt` (signing in again afterwards works); a token
 * revocation refuses that `jti`. Both expire by TTL once every token they could match has expired:
 * `revokedAt` + the maximum token lifetime.
 */
export class RevocationStore implements RevocationCheck {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly maxLifetimeSeconds: number,
  ) {}

  async revoke(target: RevocationTarget, now = Date.now()): Promise<number> {
    const revokedAt = Math.floor(now / 1000);
    const expiresAt = revokedAt + this.maxLifetimeSeconds + CLOCK_SKEW_SECONDS;
    const keys = [
      ...(target.sub ? [{ pk: revokedUserPk(target.sub), kind: "sub", id: target.sub }] : []),
      ...(target.jti ? [{ pk: revokedTokenPk(target.jti), kind: "jti", id: target.jti }] : []),
    ];
    await Promise.all(
      keys.map(({ pk, kind, id }) =>
        this.documents.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { pk, sk: REVOKED_SK, kind, id, revokedAt, expiresAt },
          }),
        ),
      ),
    );
    return revokedAt;
  }

  /** One consistent read of at most two items: the user's revocation and the token's. */
  async isRevoked(token: TokenReference): Promise<boolean> {
    const keys = [{ pk: revokedUserPk(token.sub), sk: REVOKED_SK }];
    if (token.tokenId) keys.push({ pk: revokedTokenPk(token.tokenId), sk: REVOKED_SK });
    let pending: Record<string, unknown>[] | undefined = keys;
    const found: Record<string, unknown>[] = [];
    for (let attempt = 0; pending && pending.length > 0; attempt += 1) {
      if (attempt >= 5) throw new Error("The revocation check could not be completed.");
      const result = await this.documents.send(
        new BatchGetCommand({
          RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } },
        }),
      );
      found.push(...(result.Responses?.[this.tableName] ?? []));
      pending = result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined;
    }
    return found.some((item) => {
      if (item.kind === "jti") return true;
      // Written as "not issued after" so that a missing or garbled issue time counts as revoked.
      return item.kind === "sub" && !(token.issuedAt > Number(item.revokedAt));
    });
  }

  /** Remembers that a connection was opened with a token id, until the connection cannot outlive it. */
  async rememberConnection(tokenId: string, connectionId: string, userId: string): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: tokenPk(tokenId),
          sk: tokenConnectionSk(connectionId),
          connectionId,
          userId,
          expiresAt: connectionExpiry(),
        },
      }),
    );
  }

  async connectionsOfToken(tokenId: string): Promise<string[]> {
    const { Items = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": tokenPk(tokenId) },
        ConsistentRead: true,
      }),
    );
    return Items.map((item) => String(item.connectionId));
  }
}
