import type { CareChatClient } from "../../client/src/index.ts";
import { el } from "../shared/dom.ts";
import { type StringKey, t } from "../shared/i18n.ts";

const label = (id: string, key: StringKey) => el("label", { for: id, "data-i18n": key, text: t(key) });
const heading = (key: StringKey) => el("h3", { "data-i18n": key, text: t(key) });

/**
 * The customer's case tools: a rating form that appears once a chat has ended (1–5 and a comment, sent
 * once), and a case lookup by number that works for any of the customer's cases, from any chat.
 * Mounted into the page by two lines in main.ts.
 */
export function mountCaseTools(client: CareChatClient, ended: HTMLElement, main: HTMLElement): void {
  if (document.getElementById("lookup")) return;
  ended.append(ratingForm(client));
  main.append(caseLookup(client));
}

function ratingForm(client: CareChatClient): HTMLElement {
  let chatId: string | undefined;
  const status = el("p", { class: "status", role: "status" });
  const scores = el("fieldset", {}, el("legend", { "data-i18n": "rate.score", text: t("rate.score") }));
  for (let score = 1; score <= 5; score += 1) {
    const input = el("input", {
      type: "radio",
      name: "score",
      id: `rate-${score}`,
      value: String(score),
      required: true,
    });
    scores.append(input, el("label", { for: `rate-${score}`, text: String(score) }));
  }
  const comment = el("textarea", { id: "rate-comment", maxlength: "1000" });
  const send = el("button", { type: "submit", "data-i18n": "rate.submit", text: t("rate.submit") });
  const form = el("form", { id: "rate-form" }, scores, label("rate-comment", "rate.comment"), comment, send);
  const section = el(
    "section",
    { id: "rate", "aria-labelledby": "rate-heading", hidden: true },
    heading("rate.heading"),
    form,
    status,
  );
  (section.firstChild as HTMLElement).id = "rate-heading";
  client.on("chatEnded", (frame) => {
    chatId = frame.chatId;
    section.hidden = false;
    send.disabled = false;
    status.textContent = "";
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const score = Number(new FormData(form).get("score"));
    if (!chatId || !score) return;
    const body = { chatId, score, ...(comment.value.trim() ? { comment: comment.value.trim() } : {}) };
    client
      .request("rateChat", body, ["chatRated"])
      .then(() => {
        send.disabled = true;
        status.textContent = t("rate.thanks");
      })
      .catch((error: Error) => {
        status.textContent = t("chat.error", { reason: error.message });
      });
  });
  return section;
}

function caseLookup(client: CareChatClient): HTMLElement {
  const number = el("input", { id: "lookup-number", required: true, maxlength: "40", autocomplete: "off" });
  const result = el("p", { class: "status", role: "status" });
  const history = el("ol", { class: "case-history", "aria-label": t("case.history") });
  const form = el(
    "form",
    { id: "lookup-form" },
    label("lookup-number", "case.number"),
    number,
    el("button", {
      type: "submit",
      class: "secondary",
      "data-i18n": "case.lookupSubmit",
      text: t("case.lookupSubmit"),
    }),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    history.replaceChildren();
    client
      .request("getCase", { caseNumber: number.value.trim() }, ["case"])
      .then((found) => {
        result.textContent = t("case.found", {
          caseNumber: found.caseNumber,
          kind: t(`case.kind.${found.kind}`),
          status: t(`case.status.${found.status}`),
          updatedAt: new Date(found.updatedAt).toLocaleString(),
        });
        for (const entry of found.history)
          history.append(
            el("li", {
              text: `${new Date(entry.at).toLocaleString()}: ${t(`case.status.${entry.status}`)}${entry.note ? ` (${entry.note})` : ""}`,
            }),
          );
      })
      .catch((error: Error & { code?: string }) => {
        result.textContent =
          error.code === "NOT_FOUND" ? t("case.notFound") : t("chat.error", { reason: error.message });
      });
  });
  const section = el(
    "section",
    { id: "lookup", "aria-labelledby": "lookup-heading" },
    heading("case.lookup"),
    form,
    result,
    history,
  );
  (section.firstChild as HTMLElement).id = "lookup-heading";
  return section;
}
