import type { CareChatClient, ServerFrame } from "../../client/src/index.ts";
import { byId, el, show } from "../shared/dom.ts";
import { onLanguage, t } from "../shared/i18n.ts";
import { conferenceNote } from "./conference.ts";
import { contextList } from "./context-list.ts";

interface Offer {
  readonly frame: ServerFrame<"chatOffered">;
  readonly expiresAt: number;
  readonly item: HTMLLIElement;
  readonly countdown: HTMLElement;
}

/**
 * Offered chats with their context and a live countdown (`expiresInSeconds`), to accept or decline.
 * The countdown is not a live region (a screen reader would hear it every second); the arrival and
 * the withdrawal of an offer are announced once instead.
 */
export class Offers {
  private readonly offers = new Map<string, Offer>();
  private readonly list = byId<HTMLUListElement>("offers");

  constructor(
    private readonly client: CareChatClient,
    private readonly announce: (text: string) => void,
    private readonly accepted: (frame: ServerFrame<"chatAssigned">) => void,
  ) {
    client.on("chatOffered", (frame) => this.add(frame));
    client.on("offerWithdrawn", (frame) => this.remove(frame.chatId, true));
    setInterval(() => this.tick(), 1_000);
    onLanguage(() => this.tick());
  }

  private add(frame: ServerFrame<"chatOffered">) {
    this.remove(frame.chatId, false);
    const name = frame.context.customerName;
    const countdown = el("p", { class: "status" });
    const accept = el("button", { type: "button", "data-i18n": "agent.accept", text: t("agent.accept") });
    const decline = el("button", {
      type: "button",
      class: "secondary",
      "data-i18n": "agent.decline",
      text: t("agent.decline"),
    });
    const headingId = `offer-${frame.chatId}`;
    const item = el(
      "li",
      { class: "offer", "aria-labelledby": headingId },
      el("h3", { id: headingId, text: t("agent.offerFrom", { name, queue: frame.queueId }) }),
      conferenceNote(frame),
      contextList(frame.context),
      countdown,
      el("div", { class: "actions" }, accept, decline),
    );
    accept.addEventListener("click", () => void this.accept(frame.chatId));
    decline.addEventListener("click", () => {
      this.client.declineChat(frame.chatId).catch(() => undefined);
      this.remove(frame.chatId, false);
    });
    this.offers.set(frame.chatId, {
      frame,
      expiresAt: Date.now() + frame.expiresInSeconds * 1_000,
      item,
      countdown,
    });
    this.list.append(item);
    this.tick();
    this.announce(t("agent.newOffer", { name }));
  }

  private async accept(chatId: string) {
    const offer = this.offers.get(chatId);
    for (const button of offer?.item.querySelectorAll("button") ?? []) button.disabled = true;
    try {
      const assigned = await this.client.acceptChat(chatId);
      this.remove(chatId, false);
      this.accepted(assigned);
    } catch (error) {
      this.remove(chatId, false);
      this.announce(t("chat.error", { reason: (error as Error).message }));
    }
  }

  private remove(chatId: string, tell: boolean) {
    const offer = this.offers.get(chatId);
    if (!offer) return;
    const hadFocus = offer.item.contains(document.activeElement);
    offer.item.remove();
    this.offers.delete(chatId);
    if (tell) this.announce(t("agent.offerGone", { name: offer.frame.context.customerName }));
    if (hadFocus) byId("presence").focus();
    this.tick();
  }

  private tick() {
    for (const offer of this.offers.values()) {
      const seconds = Math.max(0, Math.ceil((offer.expiresAt - Date.now()) / 1_000));
      offer.countdown.textContent = t("agent.expiresIn", { seconds });
    }
    show(byId("no-offers"), this.offers.size === 0);
  }
}
