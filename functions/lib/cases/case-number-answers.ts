import type {
  AssistantReply,
  AssistantTurn,
  CustomerProfile,
  Language,
  VirtualAssistant,
} from "../assistant/types.ts";
import { caseWordingFor } from "../language/case-wording.ts";
import { asksForCaseNumber, onlyAsksForCaseNumber, questionLanguage } from "./asks-for-case-number.ts";

/**
 * Wraps any virtual assistant so that a customer who asks for their case number is given it: the
 * number exists from the chat's start, and the turn carries it. A bare question is answered alone (and
 * changes nothing else in the assistant's memory); a question inside another request is answered
 * first, then the assistant answers the rest as it would have.
 */
export function withCaseNumberAnswers(assistant: VirtualAssistant): VirtualAssistant {
  return {
    greet: (profile: CustomerProfile, language?: Language) => assistant.greet(profile, language),
    async reply(turn: AssistantTurn): Promise<AssistantReply> {
      const { caseNumber } = turn;
      if (!caseNumber || !asksForCaseNumber(turn.text)) return assistant.reply(turn);
      if (onlyAsksForCaseNumber(turn.text)) {
        const language = turn.language ?? questionLanguage(turn.text) ?? turn.state.language;
        return {
          messages: [caseWordingFor(language).caseNumberIs(caseNumber)],
          state: { ...turn.state, turns: turn.state.turns + 1 },
          wantsAgent: false,
          urgentFraud: false,
        };
      }
      const reply = await assistant.reply(turn);
      const line = caseWordingFor(reply.state.language).caseNumberIs(caseNumber);
      return { ...reply, messages: [line, ...reply.messages] };
    },
  };
}
