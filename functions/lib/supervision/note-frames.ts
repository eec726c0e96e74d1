import type { MessageRecord } from "../data/records.ts";
import type { NoteRecord } from "../data/supervision-records.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";

export const toNoteFrame = (chatId: string, note: NoteRecord): ServerFrame<"note"> => ({
  type: "note",
  chatId,
  noteSeq: note.noteSeq,
  from: note.from,
  text: note.text,
  sentAt: note.sentAt,
  redacted: note.redacted,
});

export const noteEntry = ({ noteSeq, from, text, sentAt, redacted }: NoteRecord) => ({
  noteSeq,
  from,
  text,
  sentAt,
  redacted,
});

export const historyEntry = ({ seq, from, text, sentAt, redacted }: MessageRecord) => ({
  seq,
  from,
  text,
  sentAt,
  redacted,
});
