import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { chatPk, NOTE_COUNTER_SK, noteSk } from "./keys.ts";
import type { NoteRecord } from "./supervision-records.ts";
import { commitItems } from "./transaction.ts";

const MAX_NOTE_SEQ = 10 ** 10 - 1;

/**
 * Staff notes (whispers) in the chat's partition: NOTE#<noteSeq> items after the messages, numbered by
 * the NOTES counter item. A note is stored with the counter in one transaction conditioned on the count
 * read, so notes are gapless per chat without ever touching the chat's META or its message `seq`.
 */
export class NoteStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The last noteSeq of the chat (0 before the first note). */
  async lastNoteSeq(chatId: string): Promise<number> {
    const { Item } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: chatPk(chatId), sk: NOTE_COUNTER_SK },
        ConsistentRead: true,
      }),
    );
    return Number(Item?.lastNoteSeq ?? 0);
  }

  /** Stores the note as `previous + 1`; false when another note took that number first (re-read, retry). */
  async append(
    chatId: string,
    previous: number,
    note: Omit<NoteRecord, "noteSeq">,
  ): Promise<NoteRecord | undefined> {
    const stored: NoteRecord = { ...note, noteSeq: previous + 1 };
    const result = await commitItems(this.documents, [
      {
        Update: {
          TableName: this.tableName,
          Key: { pk: chatPk(chatId), sk: NOTE_COUNTER_SK },
          UpdateExpression: "SET lastNoteSeq = :next",
          ConditionExpression:
            previous === 0 ? "attribute_not_exists(lastNoteSeq)" : "lastNoteSeq = :previous",
          ExpressionAttributeValues: {
            ":next": stored.noteSeq,
            ...(previous === 0 ? {} : { ":previous": previous }),
          },
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { pk: chatPk(chatId), sk: noteSk(stored.noteSeq), ...stored },
          ConditionExpression: "attribute_not_exists(pk)",
        },
      },
    ]);
    return result.committed ? stored : undefined;
  }

  /** Every note with noteSeq above `afterNoteSeq`, in order (a chat's notes are few: one page or two). */
  async list(chatId: string, afterNoteSeq = 0): Promise<NoteRecord[]> {
    const notes: NoteRecord[] = [];
    let from = afterNoteSeq + 1;
    for (;;) {
      const page = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: "pk = :pk AND sk BETWEEN :first AND :last",
          ExpressionAttributeValues: {
            ":pk": chatPk(chatId),
            ":first": noteSk(from),
            ":last": noteSk(MAX_NOTE_SEQ),
          },
          ConsistentRead: true,
        }),
      );
      for (const item of page.Items ?? []) {
        const { noteSeq, from: author, text, sentAt, redacted } = item as unknown as NoteRecord;
        notes.push({ noteSeq, from: author, text, sentAt, redacted });
      }
      const last = notes.at(-1);
      if (!page.LastEvaluatedKey || !last) return notes;
      from = last.noteSeq + 1;
    }
  }
}
