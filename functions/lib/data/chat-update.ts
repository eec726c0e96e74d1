import type { ChatState } from "../protocol/server-frames.ts";
import { CHAT_META_SK, chatPk } from "./keys.ts";
import type { TransactItem } from "./transaction.ts";

/**
 * An attribute path given as its segments, so that no segment is ever split: an agent's id may hold
 * dots, `#` or any other character (`["participants", "bo.agent@bank.example"]`).
 */
export type AttributePath = string | readonly string[];

export interface ChatChange {
  readonly set?: ReadonlyArray<readonly [AttributePath, unknown]>;
  readonly remove?: readonly AttributePath[];
  /** The states the chat may be in for the change to apply. */
  readonly fromStates: readonly ChatState[];
  /** Apply only while this agent holds the chat. */
  readonly expectAgent?: string;
  /** Further conditions, all of which must hold: a nested attribute equals a value, or exists or not. */
  readonly expect?: readonly ChatExpectation[];
}

/** One condition on a chat attribute: `equals` a scalar, or `exists` (true) / is absent (false). */
export type ChatExpectation =
  | { readonly path: AttributePath; readonly equals: string | number | boolean }
  | { readonly path: AttributePath; readonly exists: boolean };

/**
 * The transaction item that changes chat-level fields under a condition on the current state. Every
 * path segment goes through an expression attribute name, so ids are never parsed as paths.
 */
export function chatUpdateItem(tableName: string, chatId: string, change: ChatChange): TransactItem {
  const names: Record<string, string> = { "#state": "state" };
  const values: Record<string, unknown> = { ":now": new Date().toISOString() };
  const placeholder = (path: AttributePath, prefix: string) =>
    (typeof path === "string" ? [path] : path)
      .map((segment, depth) => {
        const name = `#${prefix}_${depth}`;
        names[name] = segment;
        return name;
      })
      .join(".");
  const sets = ["updatedAt = :now"];
  for (const [index, [path, value]] of (change.set ?? []).entries()) {
    values[`:v${index}`] = value;
    sets.push(`${placeholder(path, `s${index}`)} = :v${index}`);
  }
  const removes = (change.remove ?? []).map((path, index) => placeholder(path, `r${index}`));
  const states = change.fromStates.map((state, index) => {
    values[`:from${index}`] = state;
    return `:from${index}`;
  });
  let condition = `#state IN (${states.join(", ")})`;
  if (change.expectAgent) {
    condition += " AND agentId = :expectAgent";
    values[":expectAgent"] = change.expectAgent;
  }
  for (const [index, expectation] of (change.expect ?? []).entries()) {
    const path = placeholder(expectation.path, `e${index}`);
    if ("equals" in expectation) {
      values[`:e${index}`] = expectation.equals;
      condition += ` AND ${path} = :e${index}`;
    } else condition += ` AND ${expectation.exists ? "attribute_exists" : "attribute_not_exists"}(${path})`;
  }
  return {
    Update: {
      TableName: tableName,
      Key: { pk: chatPk(chatId), sk: CHAT_META_SK },
      UpdateExpression: `SET ${sets.join(", ")}${removes.length > 0 ? ` REMOVE ${removes.join(", ")}` : ""}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
