/**
 * Who can speak in a chat, as every frame that names a sender says it. Apart from server-frames.ts so
 * that the frame modules it gathers (case-frames.ts) can name the roles without importing it back.
 */
export const participantRoles = ["customer", "assistant", "agent", "supervisor", "system"] as const;
export type ParticipantRole = (typeof participantRoles)[number];
