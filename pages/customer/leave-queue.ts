import type { CareChatClient } from "../../client/src/index.ts";
import { byId, el, show } from "../shared/dom.ts";
import { language, onLanguage } from "../shared/i18n.ts";

/** This module's own labels, so the queue controls need no lines in the shared string tables. */
const LABELS = {
  en: {
    leave: "Leave queue",
    joining: "An agent is about to join…",
    left: "You left the queue. The assistant is still here.",
  },
  es: {
    leave: "Salir de la cola",
    joining: "Un agente está a punto de unirse…",
    left: "Ha salido de la cola. El asistente sigue aquí.",
  },
} as const;

type Label = keyof (typeof LABELS)["en"];
const label = (key: Label) => () => LABELS[language()][key];

/**
 * The customer's "Leave queue" button (v2 `leaveQueue`), placed after "Talk to an agent": shown while the
 * chat waits for an agent (after `queued`, `queueStatus`, `agentJoining`, `transferring`, or a `resume` that
 * finds it queued), hidden once an agent joins, no agent can take it, it left the queue or ended. It also
 * tells the customer when an agent is about to join. `status` sets the page's queue line.
 */
export class LeaveQueueButton {
  private readonly button = el("button", { type: "button", id: "leave-queue", class: "secondary" });

  constructor(
    private readonly client: CareChatClient,
    private readonly chatId: () => string | undefined,
    private readonly status: (line: () => string) => void,
  ) {
    show(this.button, false);
    byId("ask-agent").after(this.button);
    onLanguage(() => {
      this.button.textContent = label("leave")();
    });
    const mine = (frame: { chatId: string }) => frame.chatId === this.chatId();
    for (const waiting of ["queued", "queueStatus", "transferring"] as const)
      client.on(waiting, (frame) => mine(frame) && this.visible(true));
    client.on("agentJoining", (frame) => {
      if (!mine(frame)) return;
      this.visible(true);
      this.status(label("joining"));
    });
    client.on("resumed", (frame) => mine(frame) && this.visible(frame.state === "queued"));
    for (const done of ["agentJoined", "agentUnavailable", "leftQueue", "chatEnded"] as const)
      client.on(done, (frame) => mine(frame) && this.visible(false));
    client.on("chatStarted", () => this.visible(false));
    this.button.addEventListener("click", () => void this.leave());
  }

  private async leave() {
    const chatId = this.chatId();
    if (!chatId) return;
    this.button.disabled = true;
    try {
      await this.client.request("leaveQueue", { chatId }, ["leftQueue"]);
      this.visible(false);
      this.status(label("left"));
    } catch (error) {
      this.status(() => (error as Error).message);
    } finally {
      this.button.disabled = false;
    }
  }

  private visible(visible: boolean): boolean {
    show(this.button, visible);
    return visible;
  }
}
