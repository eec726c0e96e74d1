import type { Identity } from "../auth/identity.ts";
import type { CaseActor, CaseRecord } from "../data/case-records.ts";
import type { ServerFrame } from "../protocol/server-frames.ts";

/**
 * A case as its reader sees it. Customers see the status history with who changed it by role and
 * name; staff also see ids, the complaint text, the wrap-up and the rating. Every text is the masked,
 * stored one.
 */
export function toCaseFrame(record: CaseRecord, reader: Identity, requestId?: string): ServerFrame<"case"> {
  const staff = reader.role !== "customer";
  const by = (actor: CaseActor) => ({
    role: actor.role,
    ...(staff && actor.id ? { id: actor.id } : {}),
    ...(actor.name ? { name: actor.name } : {}),
  });
  return {
    type: "case",
    requestId,
    caseNumber: record.caseNumber,
    chatId: record.chatId,
    kind: record.kind,
    status: record.status,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    history: record.history.map((entry) => ({
      status: entry.status,
      at: entry.at,
      ...(entry.note ? { note: entry.note } : {}),
      ...(entry.by ? { by: by(entry.by) } : {}),
    })),
    ...(staff && record.text ? { text: record.text } : {}),
    ...(staff && record.wrapUp
      ? {
          wrapUp: {
            code: record.wrapUp.code,
            at: record.wrapUp.at,
            ...(record.wrapUp.note ? { note: record.wrapUp.note } : {}),
          },
        }
      : {}),
    ...(record.rating ? { rated: true } : {}),
    ...(staff && record.rating
      ? {
          rating: {
            score: record.rating.score,
            at: record.rating.at,
            ...(record.rating.comment ? { comment: record.rating.comment } : {}),
          },
        }
      : {}),
  };
}
