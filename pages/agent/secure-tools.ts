import type { CareChatClient, MessageFrame } from "../../client/src/index.ts";
import { attachmentList } from "../shared/attachments.ts";
import { el } from "../shared/dom.ts";
import { st } from "../shared/secure-strings.ts";

/**
 * The agent's "Verify customer" and "Request document" buttons for one chat, the latest verification
 * outcome (never what the customer typed: the server never sends it) and the chat's documents.
 */
export function secureTools(
  client: CareChatClient,
  chatId: string,
  history: readonly Pick<MessageFrame, "attachment">[],
): HTMLElement {
  const status = el("p", { class: "status", role: "status" });
  const verify = el("button", { type: "button", class: "secondary", text: st("verifyCustomer") });
  const upload = el("button", { type: "button", class: "secondary", text: st("requestDocument") });
  const say = (request: Promise<unknown>) =>
    request
      .then(() => {
        status.textContent = st("asked");
      })
      .catch((error: Error) => {
        status.textContent = st("error", { reason: error.message });
      });
  verify.addEventListener("click", () =>
    say(client.request("requestVerification", { chatId }, ["verificationRequested"])),
  );
  upload.addEventListener("click", () => say(client.request("requestUpload", { chatId }, ["uploadPending"])));
  client.on("verificationResult", (result) => {
    if (result.chatId === chatId) status.textContent = st("outcome", { outcome: result.outcome });
  });
  client.on("uploadRejected", (rejected) => {
    if (rejected.chatId === chatId) status.textContent = st("rejected", { reason: rejected.reason });
  });
  const documents = attachmentList(client, () => chatId);
  // What the chat already held when it was assigned, then the live ones as they arrive.
  for (const message of history) documents.add({ ...message, chatId });
  const actions = el("div", { class: "actions" }, verify, upload);
  return el("div", { class: "secure-tools" }, actions, status, documents.element);
}
