import type { CareChatClient, MessageFrame } from "../../client/src/index.ts";
import { el } from "./dom.ts";
import { st } from "./secure-strings.ts";

/**
 * The documents of one chat as a list of buttons: each asks the server for a short-lived link
 * (`getAttachment`) only when clicked, and opens it; the link itself is never kept.
 */
export function attachmentList(
  client: CareChatClient,
  chatId: () => string | undefined,
): { element: HTMLElement; add: (message: Pick<MessageFrame, "chatId" | "attachment">) => void } {
  const list = el("ul", { class: "attachments" });
  const section = el("section", { "aria-label": st("attachments"), hidden: true }, list);
  const shown = new Set<string>();
  const add = (message: Pick<MessageFrame, "chatId" | "attachment">) => {
    const attachment = message.attachment;
    if (!attachment || message.chatId !== chatId() || shown.has(attachment.id)) return;
    shown.add(attachment.id);
    const open = el("button", {
      type: "button",
      class: "secondary",
      text: st("open", { name: attachment.name }),
    });
    open.addEventListener("click", () => {
      client
        .request("getAttachment", { chatId: message.chatId, attachmentId: attachment.id }, ["attachmentUrl"])
        .then((link) => window.open(link.url, "_blank", "noopener"))
        .catch(() => undefined);
    });
    list.append(el("li", {}, open));
    section.hidden = false;
  };
  client.on("message", add);
  return { element: section, add };
}
