import type { NoteStore } from "../../../functions/lib/data/note-store.ts";
import type { ChatRecord } from "../../../functions/lib/data/records.ts";
import type {
  LiveChatRecord,
  NoteRecord,
  QueueWindowCounts,
  WatcherRecord,
} from "../../../functions/lib/data/supervision-records.ts";
import {
  type SupervisionStore,
  WINDOW_MS,
  windowStart,
} from "../../../functions/lib/data/supervision-store.ts";
import type { PortOf } from "../../../functions/lib/kernel/ports.ts";
import { copy, type MemoryTable } from "./memory-table.ts";

/** Notes per chat, with the gapless counter condition of functions/lib/data/note-store.ts. */
export class MemoryNoteStore implements PortOf<NoteStore> {
  readonly notes = new Map<string, NoteRecord[]>();

  async lastNoteSeq(chatId: string): Promise<number> {
    return this.notes.get(chatId)?.length ?? 0;
  }

  async append(chatId: string, previous: number, note: Omit<NoteRecord, "noteSeq">) {
    const list = this.notes.get(chatId) ?? [];
    if (list.length !== previous) return undefined;
    const stored = { ...note, noteSeq: previous + 1 };
    this.notes.set(chatId, [...list, copy(stored)]);
    return stored;
  }

  async list(chatId: string, afterNoteSeq = 0): Promise<NoteRecord[]> {
    return copy((this.notes.get(chatId) ?? []).filter((note) => note.noteSeq > afterNoteSeq));
  }
}

/** Watchers, queue windows and live chats in maps; chats read from the shared memory table. */
export class MemorySupervisionStore implements PortOf<SupervisionStore> {
  readonly watching = new Map<string, WatcherRecord>();
  readonly windows = new Map<string, Map<string, QueueWindowCounts>>();
  readonly live = new Map<string, Map<string, LiveChatRecord>>();

  constructor(private readonly table: MemoryTable) {}

  async watch(watcher: WatcherRecord) {
    this.watching.set(watcher.connectionId, copy(watcher));
  }
  async unwatch(connectionId: string) {
    this.watching.delete(connectionId);
  }
  async watchers() {
    return copy([...this.watching.values()]);
  }

  async count(queueId: string, counts: Partial<QueueWindowCounts>, now = Date.now()) {
    const windows = this.windows.get(queueId) ?? new Map<string, QueueWindowCounts>();
    const key = windowStart(now);
    const current = windows.get(key) ?? {
      offersTimedOut: 0,
      abandoned: 0,
      estimateErrorSum: 0,
      estimateSamples: 0,
    };
    const next = { ...current };
    for (const [name, value] of Object.entries(counts) as [keyof QueueWindowCounts, number][])
      next[name] = current[name] + value;
    windows.set(key, next);
    this.windows.set(queueId, windows);
  }

  async lastHour(queueId: string, now = Date.now(), spanMs = 60 * 60_000) {
    const from = windowStart(now - spanMs + WINDOW_MS);
    const total = { offersTimedOut: 0, abandoned: 0, estimateErrorSum: 0, estimateSamples: 0 };
    for (const [start, counts] of this.windows.get(queueId) ?? [])
      if (start >= from)
        for (const name of Object.keys(total) as (keyof QueueWindowCounts)[]) total[name] += counts[name];
    return total;
  }

  async trackLiveChat(record: LiveChatRecord) {
    const chats = this.live.get(record.queueId) ?? new Map<string, LiveChatRecord>();
    chats.set(record.chatId, copy(record));
    this.live.set(record.queueId, chats);
  }
  async forgetLiveChat(queueId: string, chatId: string) {
    this.live.get(queueId)?.delete(chatId);
  }
  async liveChats(queueId: string) {
    return copy([...(this.live.get(queueId)?.values() ?? [])]);
  }

  async chats(chatIds: readonly string[]): Promise<ChatRecord[]> {
    return chatIds.flatMap((chatId) => {
      const chat = this.table.chats.get(chatId);
      return chat ? [copy(chat)] : [];
    });
  }
}
