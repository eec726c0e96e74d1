import type { CareChatClient, ServerFrame } from "../../client/src/index.ts";
import { el } from "../shared/dom.ts";
import { type StringKey, t } from "../shared/i18n.ts";

let tools = 0;

const label = (id: string, key: StringKey) => el("label", { for: id, "data-i18n": key, text: t(key) });
const submit = (key: StringKey, extra: Record<string, string> = {}) =>
  el("button", { type: "submit", class: "secondary", ...extra, "data-i18n": key, text: t(key) });

/** A conference offer reads as one: who invites and why, above the usual context. */
export function conferenceNote(frame: ServerFrame<"chatOffered">): HTMLElement | string {
  if (frame.kind !== "conference") return "";
  return el("p", {
    class: "status",
    text: t("conference.offer", { name: frame.invitedBy?.name ?? "", reason: frame.reason ?? "" }),
  });
}

/**
 * The conference and canned-response tools of one chat panel: invite a queue or an agent with a reason,
 * leave the chat, pick a canned response into the composer (the agent edits it before sending), and a
 * status line for who joined, left or now holds the chat. It listens to the client itself, for its chat.
 */
export class ConferenceTools {
  readonly element: HTMLElement;
  private readonly status = el("p", { class: "status", role: "status" });
  private readonly controls: (HTMLButtonElement | HTMLInputElement | HTMLSelectElement)[] = [];

  constructor(
    private readonly client: CareChatClient,
    private readonly chatId: string,
    private readonly composer: HTMLTextAreaElement,
    private readonly onLeft: () => void,
  ) {
    tools += 1;
    const id = `conference-${tools}`;
    this.element = el(
      "div",
      { class: "conference" },
      this.status,
      this.cannedPicker(id),
      this.inviteForm(id),
      this.leaveButton(),
    );
    const mine = (frame: { chatId: string }) => frame.chatId === this.chatId;
    client.on("participantJoined", (frame) => {
      if (mine(frame)) this.say(t("conference.joined", { name: frame.participant.name }));
    });
    client.on("participantLeft", (frame) => {
      if (mine(frame)) this.say(t("conference.left", { name: frame.participant.name }));
    });
    client.on("holderChanged", (frame) => {
      if (mine(frame)) this.say(t("conference.holder", { name: frame.holder.name }));
    });
    client.on("inviteEnded", (frame) => {
      if (!mine(frame)) return;
      if (frame.outcome === "accepted")
        this.say(t("conference.accepted", { name: frame.participant?.name ?? "" }));
      else this.say(t(frame.outcome === "noAgents" ? "conference.noAgents" : "conference.notAccepted"));
    });
  }

  private inviteForm(id: string): HTMLElement {
    const queue = el("input", { id: `${id}-queue` });
    const agent = el("input", { id: `${id}-agent` });
    const reason = el("input", { id: `${id}-reason`, required: true, maxlength: "1000" });
    const form = el(
      "form",
      { "aria-label": t("conference.invite") },
      label(queue.id, "conference.queue"),
      queue,
      label(agent.id, "conference.agent"),
      agent,
      label(reason.id, "conference.reason"),
      reason,
      submit("conference.send"),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const target = agent.value.trim() ? { agentId: agent.value.trim() } : { queueId: queue.value.trim() };
      this.client
        .request("inviteToChat", { chatId: this.chatId, reason: reason.value.trim(), ...target }, [
          "inviteSent",
        ])
        .then(() => this.say(t("conference.sent")))
        .catch((error: Error) => this.say(t("chat.error", { reason: error.message })));
    });
    this.controls.push(queue, agent, reason, form.querySelector("button") as HTMLButtonElement);
    return el(
      "details",
      {},
      el("summary", { "data-i18n": "conference.invite", text: t("conference.invite") }),
      form,
    );
  }

  private cannedPicker(id: string): HTMLElement {
    const select = el("select", { id: `${id}-canned`, disabled: true });
    const insert = el("button", {
      type: "button",
      class: "secondary",
      disabled: true,
      "data-i18n": "canned.insert",
      text: t("canned.insert"),
    });
    const load = el("button", {
      type: "button",
      class: "secondary",
      "data-i18n": "canned.load",
      text: t("canned.load"),
    });
    let responses: ServerFrame<"cannedResponses">["responses"] = [];
    load.addEventListener("click", () => {
      this.client
        .request("listCannedResponses", { chatId: this.chatId }, ["cannedResponses"])
        .then((reply) => {
          responses = reply.responses;
          select.replaceChildren(
            ...responses.map((item) => el("option", { value: item.id, text: item.title })),
          );
          select.disabled = insert.disabled = responses.length === 0;
          if (responses.length === 0) this.say(t("canned.none"));
          else select.focus();
        })
        .catch((error: Error) => this.say(t("chat.error", { reason: error.message })));
    });
    insert.addEventListener("click", () => {
      const picked = responses.find((item) => item.id === select.value);
      if (!picked) return;
      this.composer.value = picked.text;
      this.composer.focus();
    });
    this.controls.push(select, insert, load);
    return el(
      "details",
      {},
      el("summary", { "data-i18n": "canned.heading", text: t("canned.heading") }),
      load,
      label(select.id, "canned.pick"),
      select,
      insert,
    );
  }

  private leaveButton(): HTMLElement {
    const leave = el("button", {
      type: "button",
      class: "secondary",
      "data-i18n": "conference.leave",
      text: t("conference.leave"),
    });
    leave.addEventListener("click", () => {
      this.client
        .request("leaveChat", { chatId: this.chatId }, ["leftChat"])
        .then(() => {
          for (const control of this.controls) control.disabled = true;
          leave.disabled = true;
          this.say(t("conference.youLeft"));
          this.onLeft();
        })
        .catch((error: Error) => this.say(t("chat.error", { reason: error.message })));
    });
    return el("div", { class: "actions" }, leave);
  }

  private say(text: string) {
    this.status.textContent = text;
  }
}
