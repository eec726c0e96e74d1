import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { collidedOnly, Transactions } from "../../../../functions/lib/data/transaction.ts";

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: "Transaction cancelled",
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

/** A document client whose TransactWriteItems answers each call with the next outcome in turn. */
function documentsAnswering(outcomes: (Error | "ok")[]) {
  const calls: unknown[] = [];
  const documents = {
    send: async (command: unknown) => {
      calls.push(command);
      const outcome = outcomes[Math.min(calls.length, outcomes.length) - 1];
      if (outcome instanceof Error) throw outcome;
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  return { documents, calls };
}

const item = { Put: { TableName: "t", Item: { pk: "p", sk: "s" } } };

describe("Transactions.commit", () => {
  it("runs a transaction again that only collided with another, and reports it committed", async () => {
    // Prepare
    const { documents, calls } = documentsAnswering([
      cancelled("None", "TransactionConflict"),
      cancelled("TransactionConflict"),
      "ok",
    ]);
    const transactions = new Transactions(documents, { budgetMs: 1_000, baseDelayMs: 1 });

    // Act
    const committed = await transactions.commit([item, item]);

    // Assess
    expect(committed).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it("answers false at once when a condition failed, even beside a collision", async () => {
    // Prepare
    const { documents, calls } = documentsAnswering([
      cancelled("ConditionalCheckFailed", "TransactionConflict"),
    ]);
    const transactions = new Transactions(documents, { budgetMs: 1_000, baseDelayMs: 1 });

    // Act
    const committed = await transactions.commit([item, item]);

    // Assess
    expect(committed).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it("gives up with false when collisions outlast its budget", async () => {
    // Prepare
    const { documents, calls } = documentsAnswering([cancelled("TransactionConflict")]);
    const transactions = new Transactions(documents, { budgetMs: 30, baseDelayMs: 5 });

    // Act
    const committed = await transactions.commit([item]);

    // Assess
    expect(committed).toBe(false);
    expect(calls.length).toBeGreaterThan(1);
  });

  it("lets any other error through", async () => {
    // Prepare
    const { documents } = documentsAnswering([new Error("socket hang up")]);
    const transactions = new Transactions(documents);

    // Act
    const committing = transactions.commit([item]);

    // Assess
    await expect(committing).rejects.toThrow("socket hang up");
  });
});

describe("collidedOnly", () => {
  it("is true for collisions and throttling without a failed condition", () => {
    // Act
    const answers = [
      collidedOnly([{ Code: "None" }, { Code: "TransactionConflict" }]),
      collidedOnly([{ Code: "ThrottlingError" }]),
      collidedOnly([{ Code: "ConditionalCheckFailed" }, { Code: "TransactionConflict" }]),
      collidedOnly([{ Code: "ValidationError" }]),
      collidedOnly([]),
    ];

    // Assess
    expect(answers).toEqual([true, true, false, false, false]);
  });
});
