import { describe, expect, it } from "vitest";
import { listChats, MAX_LISTED_CHATS } from "../../../../functions/lib/chat/list-chats.ts";
import type { UserChatRow, UserChatStore } from "../../../../functions/lib/data/user-chat-store.ts";
import type { Caller } from "../../../../functions/lib/kernel/caller.ts";

/** A store stand-in for this pure mapping: records which user was asked for and how many. */
function fakeStore(rows: UserChatRow[]) {
  const asked: { customerId: string; limit: number }[] = [];
  const store = {
    listRecent: async (customerId: string, limit: number) => {
      asked.push({ customerId, limit });
      return rows;
    },
  } as unknown as UserChatStore;
  return { store, asked };
}

const caller = (role: string): Caller =>
  ({ connectionId: "conn-1", identity: { sub: "c-1", role, name: "Ana" } }) as unknown as Caller;

describe("listChats", () => {
  it("answers with the caller's own chats as the protocol's summaries", async () => {
    // Prepare
    const { store, asked } = fakeStore([
      { chatId: "b", state: "assigned", createdAt: "2026-12-01T10:00:00.000Z", lastSeq: 4 },
      {
        chatId: "a",
        state: "ended",
        createdAt: "2026-11-30T10:00:00.000Z",
        lastSeq: 9,
        caseNumber: "CC-261130-7K3M9Q",
      },
    ]);

    // Act
    const reply = await listChats({ userChats: store }, caller("customer"), {
      action: "listChats",
      requestId: "r-1",
    });

    // Assess
    expect(asked).toEqual([{ customerId: "c-1", limit: MAX_LISTED_CHATS }]);
    expect(reply).toEqual({
      type: "chats",
      requestId: "r-1",
      chats: [
        { chatId: "b", state: "assigned", startedAt: "2026-12-01T10:00:00.000Z", lastSeq: 4 },
        {
          chatId: "a",
          state: "ended",
          caseNumber: "CC-261130-7K3M9Q",
          startedAt: "2026-11-30T10:00:00.000Z",
          lastSeq: 9,
        },
      ],
    });
  });

  it("refuses staff with FORBIDDEN and reads nothing", async () => {
    // Prepare
    const { store, asked } = fakeStore([]);

    // Act
    const reply = listChats({ userChats: store }, caller("agent"), { action: "listChats" });

    // Assess
    await expect(reply).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(asked).toEqual([]);
  });
});
