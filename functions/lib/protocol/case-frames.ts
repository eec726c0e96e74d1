import * as z from "../zod.ts";
import { participantRoles } from "./participant-roles.ts";

/** v2: the server frames of cases (docs/PROTOCOL.md "Cases"), part of serverFrameSchemas. */
const requestId = z.optional(z.string());
const CASE_ACTOR_ROLES = participantRoles;

const caseStatus = z.enum(["open", "in-progress", "resolved", "closed"]);

/** v2: a case as its reader may see it (functions/lib/cases/case-view.ts). */
export const caseFrame = z.object({
  type: z.literal("case"),
  requestId,
  caseNumber: z.string(),
  chatId: z.string(),
  kind: z.enum(["chat", "complaint"]),
  status: caseStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(
    z.object({
      status: caseStatus,
      at: z.string(),
      note: z.optional(z.string()),
      by: z.optional(
        z.object({
          role: z.enum(CASE_ACTOR_ROLES),
          id: z.optional(z.string()),
          name: z.optional(z.string()),
        }),
      ),
    }),
  ),
  /** Staff only: a complaint's text. */
  text: z.optional(z.string()),
  /** Staff only. */
  wrapUp: z.optional(z.object({ code: z.string(), at: z.string(), note: z.optional(z.string()) })),
  /** true once the customer rated the chat. */
  rated: z.optional(z.boolean()),
  /** Staff only. */
  rating: z.optional(
    z.object({ score: z.number().check(z.int()), at: z.string(), comment: z.optional(z.string()) }),
  ),
});

export const complaintLoggedFrame = z.object({
  type: z.literal("complaintLogged"),
  requestId,
  chatId: z.string(),
  caseNumber: z.string(),
});

export const chatRatedFrame = z.object({ type: z.literal("chatRated"), requestId, chatId: z.string() });

export const wrappedUpFrame = z.object({
  type: z.literal("wrappedUp"),
  requestId,
  chatId: z.string(),
  caseNumber: z.string(),
  code: z.string(),
});
