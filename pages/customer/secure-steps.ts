import type { CareChatClient, ServerFrame } from "../../client/src/index.ts";
import { attachmentList } from "../shared/attachments.ts";
import { el } from "../shared/dom.ts";
import { st } from "../shared/secure-strings.ts";

let forms = 0;

const labelled = (id: string, text: string, control: HTMLInputElement) => {
  control.id = id;
  return [el("label", { for: id, text }), control];
};

/**
 * The customer's side of the in-chat secure steps: a verification form when the agent asks for one (the
 * answers go to the server in a `verify` frame and nowhere else: the inputs are cleared at once), an
 * upload form when the agent asks for a document (the file is POSTed straight to the presigned S3 form,
 * never through the chat connection), and the chat's documents.
 */
export function secureSteps(client: CareChatClient, chatId: () => string | undefined): HTMLElement {
  forms += 1;
  const id = `secure-${forms}`;
  const status = el("p", { class: "status", role: "status" });
  const section = el("section", { class: "secure-steps" }, status);
  const mine = (frame: { chatId: string }) => frame.chatId === chatId();

  client.on("verificationRequested", (asked) => {
    if (!mine(asked)) return;
    section.querySelector(".verify-form")?.remove();
    section.prepend(verificationForm(client, asked, `${id}-verify`, status));
  });
  client.on("verificationResult", (result) => {
    if (!mine(result)) return;
    status.textContent =
      result.outcome === "locked" ? st("locked", { number: result.contactNumber ?? "" }) : st(result.outcome);
    if (result.outcome !== "failed") section.querySelector(".verify-form")?.remove();
  });
  client.on("uploadRequested", (requested) => {
    if (!mine(requested)) return;
    section.querySelector(".upload-form")?.remove();
    section.prepend(uploadForm(requested, `${id}-upload`, status));
  });
  client.on("uploadRejected", (rejected) => {
    if (mine(rejected)) status.textContent = st("rejected", { reason: rejected.reason });
  });
  section.append(attachmentList(client, chatId).element);
  return section;
}

function verificationForm(
  client: CareChatClient,
  asked: ServerFrame<"verificationRequested">,
  id: string,
  status: HTMLElement,
): HTMLFormElement {
  const last4 = el("input", { inputmode: "numeric", autocomplete: "off", maxlength: "4", required: true });
  const postalCode = el("input", { autocomplete: "off", maxlength: "16", required: true });
  const form = el(
    "form",
    { class: "verify-form", "aria-label": st("verifyHeading") },
    el("h3", { text: st("verifyHeading") }),
    el("p", { text: st("verifyIntro") }),
    ...labelled(`${id}-last4`, st("last4"), last4),
    ...labelled(`${id}-postal`, st("postalCode"), postalCode),
    el("button", { type: "submit", text: st("verifySubmit") }),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const answers = { last4: last4.value, postalCode: postalCode.value };
    // Nothing of the answers stays on the page.
    last4.value = "";
    postalCode.value = "";
    client
      .request("verify", { chatId: asked.chatId, verificationId: asked.verificationId, ...answers }, [
        "verificationResult",
      ])
      .catch((error: Error) => {
        status.textContent = st("error", { reason: error.message });
      });
  });
  return form;
}

function uploadForm(
  requested: ServerFrame<"uploadRequested">,
  id: string,
  status: HTMLElement,
): HTMLFormElement {
  const file = el("input", { type: "file", accept: requested.contentTypes.join(","), required: true });
  const form = el(
    "form",
    { class: "upload-form", "aria-label": st("uploadHeading") },
    el("h3", { text: st("uploadHeading") }),
    el("p", {
      text: [requested.purpose, st("uploadIntro", { size: Math.round(requested.maxBytes / 1024 / 1024) })]
        .filter(Boolean)
        .join(" — "),
    }),
    ...labelled(`${id}-file`, st("file"), file),
    el("button", { type: "submit", text: st("uploadSubmit") }),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    const body = new FormData();
    for (const [name, value] of Object.entries(requested.fields ?? {})) body.append(name, value);
    body.append("Content-Type", chosen.type || "application/octet-stream");
    body.append("x-amz-meta-filename", encodeURIComponent(chosen.name));
    body.append("file", chosen, chosen.name);
    status.textContent = st("uploading");
    fetch(requested.url, { method: requested.method, body })
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status}`);
        status.textContent = st("uploaded");
        form.remove();
      })
      .catch((error: Error) => {
        status.textContent = st("error", { reason: error.message });
      });
  });
  return form;
}
