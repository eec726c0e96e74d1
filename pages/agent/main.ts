import type { CareChatClient, ServerFrame } from "../../client/src/index.ts";
import { byId, show } from "../shared/dom.ts";
import { languageSwitch, onLanguage, t } from "../shared/i18n.ts";
import { type Claims, clientFor, newUserId, store, stored } from "../shared/session.ts";
import { ChatPanel } from "./chat-panel.ts";
import { wireNotes } from "./notes.ts";
import { Offers } from "./offers.ts";
import { ChatTabs } from "./tabs.ts";

/** The agent desk (`/agent`): demo sign-in, presence, offers with a countdown, several chats in tabs. */
const CLAIMS_KEY = "carechat.agent.claims";
/** The chats this desk holds, so a reload brings them back (history replayed by `resume`). */
const CHATS_KEY = "carechat.agent.chats";
type HeldChat = Pick<ServerFrame<"chatAssigned">, "chatId" | "queueId" | "context">;
type Presence = "available" | "away" | "offline";

languageSwitch(byId<HTMLButtonElement>("language"), "agent.title");
const announcer = byId("announcer");
const announce = (text: string) => {
  announcer.textContent = text;
};

const claims = stored<Claims>(CLAIMS_KEY);
if (claims) void open(claims);
else {
  show(byId("login"), true);
  byId("login-name").focus();
}

const list = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

byId("login-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const signedIn: Claims = {
    sub: newUserId("agent"),
    role: "agent",
    name: String(form.get("name")),
    queues: list(form.get("queues")),
    languages: list(form.get("languages")),
    maxChats: Number(form.get("maxChats")),
  };
  store(CLAIMS_KEY, signedIn);
  show(byId("login"), false);
  void open(signedIn);
});

async function open(signedIn: Claims) {
  const client = clientFor(signedIn);
  const tabs = new ChatTabs();
  const notes = wireNotes(client);
  const held = () => stored<HeldChat[]>(CHATS_KEY) ?? [];
  const release = (chatId: string) =>
    store(
      CHATS_KEY,
      held().filter((chat) => chat.chatId !== chatId),
    );
  new Offers(client, announce, (assigned) => {
    const { chatId, queueId, context } = assigned;
    store(CHATS_KEY, [...held(), { chatId, queueId, context }]);
    const panel = new ChatPanel(client, assigned, release);
    notes.attach(panel);
    tabs.add(panel);
    panel.tab.focus();
  });
  client.on("message", (message) => tabs.find(message.chatId)?.addMessage(message));
  client.on("typing", (frame) => tabs.find(frame.chatId)?.showTyping(frame.from.name ?? t("role.customer")));
  client.on("chatEnded", (frame) => tabs.find(frame.chatId)?.ended(frame.caseNumber));
  const connection = byId("connection");
  client.on("close", ({ willReconnect }) => {
    connection.textContent = willReconnect ? t("chat.offline") : "";
  });
  client.on("open", () => {
    connection.textContent = t("chat.online");
  });
  try {
    await client.connect();
  } catch (error) {
    store(CLAIMS_KEY, undefined);
    show(byId("login"), true);
    connection.textContent = t("login.failed", { reason: (error as Error).message });
    return;
  }
  show(byId("desk"), true);
  wirePresence(client);
  byId("presence").focus();
  // After a reload: the held chats come back, their history replayed from seq 0 into the new panels.
  for (const chat of held()) {
    const panel = new ChatPanel(client, { ...chat, history: [] }, release);
    notes.attach(panel);
    tabs.add(panel);
    client
      .resume(chat.chatId, 0)
      .then((resumed) => {
        if (resumed.state === "ended") panel.ended(resumed.caseNumber ?? "");
      })
      .catch(() => release(chat.chatId));
  }
}

function wirePresence(client: CareChatClient) {
  const select = byId<HTMLSelectElement>("presence");
  const status = byId("presence-status");
  let last: { status: Presence; activeChats: number; maxChats: number } | undefined;
  const render = () => {
    status.textContent = last
      ? t("agent.presenceStatus", {
          status: t(`agent.presence.${last.status}`),
          active: last.activeChats,
          max: last.maxChats,
        })
      : "";
  };
  onLanguage(render);
  select.addEventListener("change", () => {
    client
      .setPresence(select.value as Presence)
      .then((presence) => {
        last = presence;
        render();
      })
      .catch((error: Error) => {
        status.textContent = t("chat.error", { reason: error.message });
      });
  });
}
