import type { CareChatClient, MessageFrame, ServerFrame } from "../../client/src/index.ts";
import { el } from "../shared/dom.ts";
import { t } from "../shared/i18n.ts";
import { MessageLog } from "../shared/message-log.ts";
import { NotesPanel } from "../shared/notes-panel.ts";

let panels = 0;
type Entry = Pick<ServerFrame<"monitoring">, "history" | "notes">;

/**
 * One chat the supervisor watches: the conversation (read only while monitoring), the staff notes with
 * the whisper form, and Barge in, after which a message form appears: the supervisor is a participant
 * then, and the customer was told. Stop monitoring removes the panel.
 */
export class MonitoredChat {
  readonly element: HTMLElement;
  private readonly log: MessageLog;
  private readonly notes: NotesPanel;
  private readonly status = el("p", { class: "status", role: "status" });
  private readonly mode = el("p", { class: "status", text: t("supervisor.monitoring") });
  private readonly sendForm: HTMLFormElement;
  private readonly bargeButton: HTMLButtonElement;
  private joined = false;

  constructor(
    private readonly client: CareChatClient,
    readonly chatId: string,
    private readonly customerName: string,
    private readonly onStop: (chat: MonitoredChat) => void,
    private readonly announce: (text: string) => void,
  ) {
    panels += 1;
    const id = `monitored-${panels}`;
    const messages = el("ol", { class: "messages" });
    const conversation = el(
      "div",
      { class: "log", role: "log", "aria-live": "polite", "aria-label": t("chat.log"), tabindex: "0" },
      messages,
    );
    this.log = new MessageLog(messages, "supervisor");
    this.notes = new NotesPanel(client, chatId);

    this.bargeButton = el("button", {
      type: "button",
      "data-i18n": "supervisor.bargeIn",
      text: t("supervisor.bargeIn"),
    });
    this.bargeButton.addEventListener("click", () => void this.bargeIn());
    const stop = el("button", {
      type: "button",
      class: "secondary",
      "data-i18n": "supervisor.stop",
      text: t("supervisor.stop"),
    });
    stop.addEventListener("click", () => void this.stop());

    const text = el("textarea", { id: `${id}-message`, maxlength: "4000", required: true });
    this.sendForm = el(
      "form",
      { hidden: true },
      el("label", { for: `${id}-message`, "data-i18n": "chat.message", text: t("chat.message") }),
      text,
      el("button", { type: "submit", "data-i18n": "chat.send", text: t("chat.send") }),
    );
    text.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.sendForm.requestSubmit();
      }
    });
    this.sendForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = text.value.trim();
      if (!value) return;
      text.value = "";
      this.client.sendMessage(this.chatId, value).catch((error: Error) => this.fail(error));
    });

    this.element = el(
      "article",
      { class: "monitored", "aria-labelledby": `${id}-heading`, "data-chat": chatId },
      el("h3", { id: `${id}-heading`, text: t("supervisor.chatHeading", { name: customerName }) }),
      this.mode,
      conversation,
      this.sendForm,
      el("div", { class: "actions" }, this.bargeButton, stop),
      this.status,
      this.notes.element,
    );
  }

  /** The history and notes so far (monitoring or bargedIn), then live frames, each shown once. */
  load(entry: Entry): void {
    for (const message of entry.history) this.log.add(message);
    for (const note of entry.notes) this.notes.add(note);
  }

  addMessage(message: MessageFrame): void {
    this.log.add(message);
  }

  addNote(note: ServerFrame<"note">): void {
    this.notes.add(note);
  }

  ended(caseNumber: string): void {
    this.status.textContent = t("agent.endedCase", { caseNumber });
    this.bargeButton.disabled = true;
    this.sendForm.hidden = true;
  }

  private async bargeIn(): Promise<void> {
    try {
      const joined = await this.client.request("bargeIn", { chatId: this.chatId }, ["bargedIn"]);
      this.load(joined);
      this.joined = true;
      this.bargeButton.hidden = true;
      this.mode.hidden = true;
      this.sendForm.hidden = false;
      this.status.textContent = t("supervisor.joined");
      this.sendForm.querySelector("textarea")?.focus();
    } catch (error) {
      this.fail(error as Error);
    }
  }

  private async stop(): Promise<void> {
    if (!this.joined)
      await this.client
        .request("stopMonitoring", { chatId: this.chatId }, ["monitoringStopped"])
        .catch(() => undefined);
    this.announce(t("supervisor.stopped", { name: this.customerName }));
    this.onStop(this);
  }

  private fail(error: Error): void {
    this.status.textContent = t("chat.error", { reason: error.message });
  }
}
