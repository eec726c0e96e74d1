import type { CareChatClient } from "../../client/src/index.ts";
import { DEFAULT_WRAP_UP_CODES } from "../../functions/lib/cases/wrap-up-codes.ts";
import { el } from "../shared/dom.ts";
import { type StringKey, t } from "../shared/i18n.ts";

let tools = 0;
const STATUSES = ["open", "in-progress", "resolved", "closed"] as const;

const label = (id: string, key: StringKey) => el("label", { for: id, "data-i18n": key, text: t(key) });
const submit = (key: StringKey, cls = "secondary") =>
  el("button", { type: "submit", class: cls, "data-i18n": key, text: t(key) });

/**
 * The agent's case tools for one chat: the case number, logging a complaint, moving a case (this
 * chat's or a complaint's) to another status, and the wrap-up — with the end of the chat, or after it.
 * They stay usable after the chat ends, for the wrap-up and follow-up of its cases. The codes offered are
 * the defaults; a queue configured with its own codes accepts those (the server checks every code).
 */
export function caseTools(
  client: CareChatClient,
  chatId: string,
  caseNumber: string | undefined,
): HTMLElement {
  tools += 1;
  const id = `case-${tools}`;
  const status = el("p", { class: "status", role: "status" });
  const say = (text: string) => {
    status.textContent = text;
  };
  const failed = (error: Error) => say(t("chat.error", { reason: error.message }));

  const complaint = el("textarea", { id: `${id}-complaint`, maxlength: "4000", required: true });
  const complaintForm = el(
    "form",
    {},
    label(`${id}-complaint`, "case.complaint"),
    complaint,
    submit("case.logComplaint"),
  );
  complaintForm.addEventListener("submit", (event) => {
    event.preventDefault();
    client
      .request("logComplaint", { chatId, text: complaint.value.trim() }, ["complaintLogged"])
      .then((logged) => {
        complaint.value = "";
        number.value = logged.caseNumber;
        say(t("case.complaintLogged", { caseNumber: logged.caseNumber }));
      })
      .catch(failed);
  });

  const number = el("input", { id: `${id}-number`, required: true, value: caseNumber ?? "" });
  const select = el("select", { id: `${id}-status` });
  for (const value of STATUSES) select.append(el("option", { value, text: t(`case.status.${value}`) }));
  const note = el("input", { id: `${id}-note`, maxlength: "1000" });
  const updateForm = el(
    "form",
    { "aria-label": t("case.update") },
    label(`${id}-number`, "case.number"),
    number,
    label(`${id}-status`, "case.status"),
    select,
    label(`${id}-note`, "case.note"),
    note,
    submit("case.update"),
  );
  updateForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = { caseNumber: number.value.trim(), status: select.value as (typeof STATUSES)[number] };
    client
      .request("updateCase", { ...body, ...(note.value.trim() ? { note: note.value.trim() } : {}) }, ["case"])
      .then((updated) => {
        note.value = "";
        say(
          t("case.updated", { caseNumber: updated.caseNumber, status: t(`case.status.${updated.status}`) }),
        );
      })
      .catch(failed);
  });

  const codes = el("datalist", { id: `${id}-codes` });
  for (const code of DEFAULT_WRAP_UP_CODES) codes.append(el("option", { value: code }));
  const code = el("input", { id: `${id}-code`, list: `${id}-codes`, required: true });
  const wrapNote = el("input", { id: `${id}-wrap-note`, maxlength: "1000" });
  const endWith = submit("case.endWithWrapUp", "danger");
  const saveOnly = el("button", {
    type: "button",
    class: "secondary",
    "data-i18n": "case.wrapUp",
    text: t("case.wrapUp"),
  });
  const wrapForm = el(
    "form",
    { "aria-label": t("case.wrapUp") },
    label(`${id}-code`, "case.wrapUpCode"),
    code,
    codes,
    label(`${id}-wrap-note`, "case.note"),
    wrapNote,
    el("div", { class: "actions" }, endWith, saveOnly),
  );
  const wrapUp = () => ({
    code: code.value.trim(),
    ...(wrapNote.value.trim() ? { note: wrapNote.value.trim() } : {}),
  });
  wrapForm.addEventListener("submit", (event) => {
    event.preventDefault();
    say(t("chat.ending"));
    client.request("endChat", { chatId, wrapUp: wrapUp() }, ["chatEnding"]).catch(failed);
  });
  saveOnly.addEventListener("click", () => {
    if (!wrapForm.reportValidity()) return;
    client
      .request("wrapUp", { chatId, ...wrapUp() }, ["wrappedUp"])
      .then((done) => say(t("case.wrappedUp", { code: done.code, caseNumber: done.caseNumber })))
      .catch(failed);
  });

  return el(
    "details",
    { class: "case-tools" },
    el("summary", { "data-i18n": "case.heading", text: `${t("case.heading")} ${caseNumber ?? ""}`.trim() }),
    status,
    wrapForm,
    complaintForm,
    updateForm,
  );
}
