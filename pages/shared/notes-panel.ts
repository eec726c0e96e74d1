import type { CareChatClient, ServerFrame } from "../../client/src/index.ts";
import { el } from "./dom.ts";
import { t } from "./i18n.ts";

type Note = Omit<ServerFrame<"note">, "type" | "chatId">;
let panels = 0;

/**
 * A chat's staff notes (whispers) and the form that writes one: used on the agent desk and on the
 * supervisor page. Notes are listed by `noteSeq`, once each, in a log region of their own, apart
 * from the conversation, so nobody mistakes a note for something the customer read.
 */
export class NotesPanel {
  readonly element: HTMLElement;
  private readonly list = el("ol", { class: "messages notes" });
  private readonly empty = el("p", { "data-i18n": "notes.empty", text: t("notes.empty") });
  private readonly status = el("p", { class: "status", role: "status" });
  private readonly seen = new Set<number>();

  constructor(
    private readonly client: CareChatClient,
    private readonly chatId: string,
  ) {
    panels += 1;
    const id = `notes-${panels}`;
    const input = el("input", { id: `${id}-text`, maxlength: "4000", required: true, autocomplete: "off" });
    const form = el(
      "form",
      { class: "whisper" },
      el("label", { for: `${id}-text`, "data-i18n": "notes.text", text: t("notes.text") }),
      input,
      el("button", { type: "submit", class: "secondary", "data-i18n": "notes.send", text: t("notes.send") }),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      input.value = "";
      this.client.request("whisper", { chatId: this.chatId, text }, ["noteAck"]).catch((error: Error) => {
        this.status.textContent = t("chat.error", { reason: error.message });
      });
    });
    this.element = el(
      "section",
      { class: "notes-panel", "aria-labelledby": `${id}-heading` },
      el("h3", { id: `${id}-heading`, "data-i18n": "notes.heading", text: t("notes.heading") }),
      this.empty,
      el(
        "div",
        // A live region but not role="log": the panel's conversation stays its one log.
        { class: "log notes-log", "aria-live": "polite", "aria-relevant": "additions" },
        this.list,
      ),
      form,
      this.status,
    );
  }

  add(note: Note): void {
    if (this.seen.has(note.noteSeq)) return;
    this.seen.add(note.noteSeq);
    this.empty.hidden = true;
    const item = el(
      "li",
      { class: "message note", "data-note-seq": String(note.noteSeq) },
      el("span", { class: "who", text: note.from.name }),
      el("time", {
        datetime: note.sentAt,
        text: new Date(note.sentAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }),
      }),
      el("p", { class: "text", text: note.text }),
    );
    const later = [...this.list.children].find(
      (child) => Number((child as HTMLElement).dataset.noteSeq) > note.noteSeq,
    );
    this.list.insertBefore(item, later ?? null);
  }
}
