import type { MessageFrame } from "../../client/src/index.ts";
import { el } from "./dom.ts";
import { onLanguage, t } from "./i18n.ts";

type Message = Pick<MessageFrame, "seq" | "from" | "text" | "sentAt">;

/**
 * A chat's messages in a `role="log"` list: ordered by seq and shown once each, so a replay after
 * a reload or reconnect adds nothing twice. The log's live region announces each new message.
 */
export class MessageLog {
  private readonly seqs = new Set<number>();

  constructor(
    private readonly list: HTMLOListElement,
    private readonly ownRole: MessageFrame["from"]["role"],
  ) {
    onLanguage(() => {
      for (const who of this.list.querySelectorAll<HTMLElement>("[data-role]"))
        who.textContent = this.label(who.dataset.role as MessageFrame["from"]["role"], who.dataset.name);
    });
  }

  get size(): number {
    return this.seqs.size;
  }

  add(message: Message): void {
    if (this.seqs.has(message.seq)) return;
    this.seqs.add(message.seq);
    const { role, name } = message.from;
    const time = new Date(message.sentAt);
    const item = el(
      "li",
      { class: `message from-${role === this.ownRole ? "self" : role}`, "data-seq": String(message.seq) },
      el("span", { class: "who", "data-role": role, "data-name": name, text: this.label(role, name) }),
      el("time", {
        datetime: message.sentAt,
        text: time.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }),
      }),
      el("p", { class: "text", text: message.text }),
    );
    const later = [...this.list.children].find(
      (child) => Number((child as HTMLElement).dataset.seq) > message.seq,
    );
    this.list.insertBefore(item, later ?? null);
    item.scrollIntoView({ block: "nearest" });
  }

  clear(): void {
    this.seqs.clear();
    this.list.replaceChildren();
  }

  private label(role: MessageFrame["from"]["role"], name: string | undefined): string {
    if (role === this.ownRole) return t("role.self");
    return name && role !== "assistant" && role !== "system" ? name : t(`role.${role}`);
  }
}
