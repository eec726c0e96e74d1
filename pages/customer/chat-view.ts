import type { CareChatClient, ChatSummary, MessageFrame } from "../../client/src/index.ts";
import { byId, show, throttle } from "../shared/dom.ts";
import { language, onLanguage, type Params, type StringKey, t } from "../shared/i18n.ts";
import { MessageLog } from "../shared/message-log.ts";
import { LeaveQueueButton } from "./leave-queue.ts";

/** A status line, rendered again after a language switch. */
type Line = (() => string) | undefined;
const line =
  (key: StringKey, params: Params = {}): Line =>
  () =>
    t(key, params);

/**
 * The customer's chat: the conversation log, the queue line, typing, asking for an agent and the
 * end with its case number. Everything the server pushes arrives through SDK events.
 */
export class ChatView {
  private chatId: string | undefined;
  private readonly log = new MessageLog(byId<HTMLOListElement>("messages"), "customer");
  private readonly early: MessageFrame[] = [];
  private queueLine: Line;
  private typingLine: Line;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: CareChatClient,
    private readonly onChat: (chatId: string | undefined) => void,
  ) {
    onLanguage(() => this.renderLines());
    const mine = (frame: { chatId: string }) => frame.chatId === this.chatId;
    client.on("message", (message) => {
      if (mine(message)) this.log.add(message);
      else if (!this.chatId) this.early.push(message);
      if (mine(message) && message.from.role !== "customer") this.setTyping(undefined);
    });
    client.on("typing", (frame) => {
      if (mine(frame)) this.setTyping(line("chat.typing", { name: frame.from.name ?? t("role.agent") }));
    });
    client.on("queueStatus", (frame) => {
      if (mine(frame)) this.setQueue(queuedLine(frame.position, frame.estimatedWaitSeconds));
    });
    client.on("agentUnavailable", (frame) => {
      if (mine(frame)) this.setQueue(unavailableLine(frame));
    });
    client.on("agentJoined", (frame) => {
      if (mine(frame)) this.setQueue(line("chat.agentJoined", { name: frame.agent.name }));
    });
    client.on("transferring", (frame) => {
      if (mine(frame)) this.setQueue(line("chat.transferring"));
    });
    client.on("chatEnded", (frame) => {
      if (mine(frame)) this.showEnded(frame.caseNumber, frame.summary);
    });
    this.wireControls();
    new LeaveQueueButton(
      client,
      () => this.chatId,
      (status) => this.setQueue(status),
    );
  }

  showStart(): void {
    this.setChat(undefined);
    show(byId("start"), true);
    show(byId("chat"), false);
    byId("start-text").focus();
  }

  async start(topic: string, text: string): Promise<void> {
    const started = await this.client.startChat({
      ...(topic ? { topic } : {}),
      ...(text ? { text } : {}),
      language: language(),
    });
    this.setChat(started.chatId);
    byId("message").focus();
  }

  /** After a reload: replays the whole chat from seq 0 and shows how it stands. */
  async resume(chat: ChatSummary): Promise<void> {
    this.setChat(chat.chatId);
    const resumed = await this.client.resume(chat.chatId, 0);
    if (resumed.state === "ended") {
      const transcript = await this.client.getTranscript(chat.chatId);
      this.showEnded(transcript.caseNumber ?? "", transcript.summary ?? "");
    } else if (resumed.state === "queued") this.setQueue(line("chat.waiting"));
    else if (resumed.state === "closing") this.setQueue(line("chat.ending"));
  }

  private setChat(chatId: string | undefined) {
    this.chatId = chatId;
    this.onChat(chatId);
    this.log.clear();
    this.setQueue(undefined);
    this.setTyping(undefined);
    show(byId("ended"), false);
    this.setControls(chatId !== undefined);
    if (!chatId) return;
    show(byId("start"), false);
    show(byId("chat"), true);
    for (const message of this.early.splice(0)) if (message.chatId === chatId) this.log.add(message);
  }

  private wireControls() {
    const message = byId<HTMLTextAreaElement>("message");
    const typing = throttle(() => this.chatId && this.client.typing(this.chatId), 2_000);
    message.addEventListener("input", typing);
    // Enter sends, Shift+Enter makes a new line: what chat users expect from the keyboard.
    message.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        byId<HTMLFormElement>("send-form").requestSubmit();
      }
    });
    byId("send-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const text = message.value.trim();
      if (!text || !this.chatId) return;
      message.value = "";
      // The SDK's outbox keeps the message until it is acknowledged, across reconnects.
      this.client.sendMessage(this.chatId, text).catch((error: Error) => this.fail(error));
    });
    byId("ask-agent").addEventListener("click", () => void this.askAgent());
    byId("end-chat").addEventListener("click", () => {
      if (!this.chatId) return;
      this.setQueue(line("chat.ending"));
      this.client.endChat(this.chatId).catch((error: Error) => this.fail(error));
    });
    byId("new-chat").addEventListener("click", () => this.showStart());
  }

  private async askAgent() {
    if (!this.chatId) return;
    try {
      const reply = await this.client.requestAgent(this.chatId);
      if (reply.type === "queued") this.setQueue(queuedLine(reply.position, reply.estimatedWaitSeconds));
      else this.setQueue(unavailableLine(reply));
    } catch (error) {
      this.fail(error as Error);
    }
  }

  private showEnded(caseNumber: string, summary: string) {
    this.setQueue(undefined);
    this.setTyping(undefined);
    this.setControls(false);
    byId("case-number").textContent = caseNumber;
    byId("summary").textContent = summary;
    const ended = byId("ended");
    show(ended, true);
    ended.focus();
  }

  private setControls(enabled: boolean) {
    for (const id of ["message", "ask-agent", "end-chat"])
      (byId(id) as HTMLButtonElement).disabled = !enabled;
    for (const button of byId("send-form").querySelectorAll("button[type=submit]"))
      (button as HTMLButtonElement).disabled = !enabled;
  }

  private setQueue(line: Line) {
    this.queueLine = line;
    this.renderLines();
  }

  private setTyping(line: Line) {
    this.typingLine = line;
    clearTimeout(this.typingTimer);
    if (line) this.typingTimer = setTimeout(() => this.setTyping(undefined), 4_000);
    this.renderLines();
  }

  private renderLines() {
    byId("queue").textContent = this.queueLine?.() ?? "";
    byId("typing").textContent = this.typingLine?.() ?? "";
  }

  private fail(error: Error) {
    this.setQueue(line("chat.error", { reason: error.message }));
  }
}

/** The wait in the page's language (the server's `estimatedWaitText` is in the chat's language). */
const queuedLine =
  (position: number, seconds: number | null): Line =>
  () =>
    t("chat.queued", { position, wait: waitText(seconds) });

function waitText(seconds: number | null): string {
  if (seconds === null) return t("chat.waitUnknown");
  if (seconds < 60) return t("chat.waitUnderMinute");
  return t("chat.waitMinutes", { minutes: Math.round(seconds / 60) });
}

const unavailableLine = (frame: { hours?: string; contactNumber?: string }): Line =>
  line("chat.unavailable", { hours: frame.hours ?? "", number: frame.contactNumber ?? "" });
