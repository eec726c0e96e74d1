import type { CareChatClient, MessageFrame, ServerFrame } from "../../client/src/index.ts";
import { el, throttle } from "../shared/dom.ts";
import { type StringKey, t } from "../shared/i18n.ts";
import { MessageLog } from "../shared/message-log.ts";
import { caseTools } from "./case-tools.ts";
import { ConferenceTools } from "./conference.ts";
import { contextList } from "./context-list.ts";
import { secureTools } from "./secure-tools.ts";

let panels = 0;

/** A labelled field: the label's text follows the language switch through `data-i18n`. */
function field(id: string, key: StringKey, control: HTMLInputElement | HTMLTextAreaElement) {
  control.id = id;
  return [el("label", { for: id, "data-i18n": key, text: t(key) }), control];
}

const button = (key: StringKey, attributes: Record<string, string> = {}) =>
  el("button", { type: "submit", ...attributes, "data-i18n": key, text: t(key) });

/** One accepted chat on the desk: its tab, context, log, and the send, transfer, escalate and end controls. */
export class ChatPanel {
  readonly tab: HTMLButtonElement;
  readonly panel: HTMLElement;
  private readonly log: MessageLog;
  private readonly status = el("p", { class: "status", role: "status" });
  private readonly typing = el("p", { class: "status", "aria-live": "polite" });
  private readonly controls: (HTMLButtonElement | HTMLInputElement | HTMLTextAreaElement)[] = [];
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: CareChatClient,
    readonly assigned: Pick<ServerFrame<"chatAssigned">, "chatId" | "queueId" | "context" | "history">,
    private readonly finished: (chatId: string) => void = () => undefined,
  ) {
    panels += 1;
    const id = `chat-${panels}`;
    const name = assigned.context.customerName;
    this.tab = el("button", {
      type: "button",
      role: "tab",
      id: `${id}-tab`,
      "aria-controls": `${id}-panel`,
      "aria-selected": "false",
      tabindex: "-1",
      text: name,
    });
    // The log wraps the list: `role="log"` on the <ol> itself would hide the list from screen readers.
    const messages = el("ol", { class: "messages" });
    const list = el(
      "div",
      { class: "log", role: "log", "aria-live": "polite", "aria-label": name, tabindex: "0" },
      messages,
    );
    this.log = new MessageLog(messages, "agent");
    for (const message of assigned.history) this.log.add(message);

    const message = el("textarea", { maxlength: "4000", required: true });
    const send = el("form", {}, ...field(`${id}-message`, "chat.message", message), button("chat.send"));
    const typingHint = throttle(() => this.client.typing(this.chatId), 2_000);
    message.addEventListener("input", typingHint);
    message.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        send.requestSubmit();
      }
    });
    send.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = message.value.trim();
      if (!text) return;
      message.value = "";
      this.client.sendMessage(this.chatId, text).catch((error: Error) => this.fail(error));
    });

    const queueId = el("input", { required: true });
    const note = el("input", {});
    const transfer = el(
      "form",
      { "aria-label": t("agent.transfer") },
      ...field(`${id}-queue`, "agent.transferQueue", queueId),
      ...field(`${id}-note`, "agent.transferNote", note),
      button("agent.transfer", { class: "secondary" }),
    );
    transfer.addEventListener("submit", (event) => {
      event.preventDefault();
      const body = {
        queueId: queueId.value.trim(),
        ...(note.value.trim() ? { note: note.value.trim() } : {}),
      };
      this.handOff(this.client.transferChat(this.chatId, body));
    });

    const reason = el("input", { required: true });
    const escalate = el(
      "form",
      { "aria-label": t("agent.escalate") },
      ...field(`${id}-reason`, "agent.escalateReason", reason),
      button("agent.escalate", { class: "secondary" }),
    );
    escalate.addEventListener("submit", (event) => {
      event.preventDefault();
      this.handOff(this.client.escalateChat(this.chatId, reason.value.trim()));
    });

    const end = el("button", {
      type: "button",
      class: "danger",
      "data-i18n": "chat.end",
      text: t("chat.end"),
    });
    end.addEventListener("click", () => {
      this.setStatus(t("chat.ending"));
      this.client.endChat(this.chatId).catch((error: Error) => this.fail(error));
    });

    this.controls.push(message, queueId, note, reason, end, ...[send, transfer, escalate].map(submitOf));
    this.panel = el(
      "section",
      { role: "tabpanel", id: `${id}-panel`, "aria-labelledby": `${id}-tab`, hidden: true },
      el("h3", { "data-i18n": "agent.context", text: t("agent.context") }),
      contextList(assigned.context),
      list,
      this.typing,
      this.status,
      send,
      secureTools(client, assigned.chatId, assigned.history),
      new ConferenceTools(client, assigned.chatId, message, () => this.finish(t("conference.youLeft")))
        .element,
      el("div", { class: "actions" }, end),
      caseTools(client, assigned.chatId, assigned.context.caseNumber),
      el(
        "details",
        {},
        el("summary", { "data-i18n": "agent.transfer", text: t("agent.transfer") }),
        transfer,
      ),
      el(
        "details",
        {},
        el("summary", { "data-i18n": "agent.escalate", text: t("agent.escalate") }),
        escalate,
      ),
    );
  }

  get chatId(): string {
    return this.assigned.chatId;
  }

  addMessage(message: MessageFrame): void {
    this.log.add(message);
    if (message.from.role === "customer") this.showTyping(undefined);
  }

  showTyping(name: string | undefined): void {
    clearTimeout(this.typingTimer);
    this.typing.textContent = name ? t("chat.typing", { name }) : "";
    if (name) this.typingTimer = setTimeout(() => this.showTyping(undefined), 4_000);
  }

  ended(caseNumber: string): void {
    this.finish(t("agent.endedCase", { caseNumber }));
  }

  private handOff(request: Promise<ServerFrame<"transferStarted">>) {
    request
      .then((started) => this.finish(t("agent.transferred", { queue: started.queueId })))
      .catch((error: Error) => this.fail(error));
  }

  private finish(text: string) {
    this.finished(this.chatId);
    this.setStatus(text);
    this.showTyping(undefined);
    for (const control of this.controls) control.disabled = true;
    this.tab.textContent = `${this.assigned.context.customerName} ✓`;
  }

  private setStatus(text: string) {
    this.status.textContent = text;
  }

  private fail(error: Error) {
    this.setStatus(t("chat.error", { reason: error.message }));
  }
}

const submitOf = (form: HTMLFormElement) => form.querySelector("button") as HTMLButtonElement;
