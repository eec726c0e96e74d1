import { byId, show } from "../shared/dom.ts";
import { language, languageSwitch, onLanguage, t } from "../shared/i18n.ts";
import { type Claims, clientFor, newUserId, store, stored } from "../shared/session.ts";
import { mountCaseTools } from "./case-tools.ts";
import { ChatView } from "./chat-view.ts";
import { secureSteps } from "./secure-steps.ts";

/** The customer widget (`/`): demo sign-in, then one chat at a time, surviving a reload. */
const CLAIMS_KEY = "carechat.customer.claims";
const CHAT_KEY = "carechat.customer.chatId";

languageSwitch(byId<HTMLButtonElement>("language"), "customer.title");
const connection = byId("connection");
let connectionKey: "chat.online" | "chat.offline" | undefined;
onLanguage(() => {
  connection.textContent = connectionKey ? t(connectionKey) : "";
});

const claims = stored<Claims>(CLAIMS_KEY);
if (claims) void open(claims);
else showLogin();

function showLogin(reason?: string) {
  show(byId("login"), true);
  if (reason) connection.textContent = t("login.failed", { reason });
  byId("login-name").focus();
}

byId("login-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  const country = String(form.get("country"));
  const signedIn: Claims = {
    sub: newUserId("customer"),
    role: "customer",
    name: String(form.get("name")),
    country,
    locale: `${language()}-${country}`,
    segment: String(form.get("segment")),
    accounts: [{ last4: "1005", product: "Gold Card" }],
    // What the demo's in-session verification checks (the OIDC address claim).
    address: { postal_code: "10001" },
  };
  store(CLAIMS_KEY, signedIn);
  show(byId("login"), false);
  void open(signedIn);
});

async function open(signedIn: Claims) {
  const client = clientFor(signedIn);
  const view = new ChatView(client, (chatId) => store(CHAT_KEY, chatId));
  byId("chat").append(secureSteps(client, () => stored<string>(CHAT_KEY)));
  client.on("open", () => setConnection("chat.online"));
  client.on("close", ({ willReconnect }) => setConnection(willReconnect ? "chat.offline" : undefined));
  byId("start-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    view.start(String(form.get("topic")), String(form.get("text")).trim()).catch((error: Error) => {
      connection.textContent = t("chat.error", { reason: error.message });
    });
  });
  try {
    await client.connect();
    mountCaseTools(client, byId("ended"), byId("chat").parentElement ?? document.body);
    // A reload lost everything but the chat id: the server says which chats are open.
    const chatId = stored<string>(CHAT_KEY);
    const chats = await client.listChats();
    const current = chatId
      ? chats.find((chat) => chat.chatId === chatId)
      : chats.find((chat) => chat.state !== "ended" && chat.state !== "closing");
    if (current) await view.resume(current);
    else view.showStart();
  } catch (error) {
    store(CLAIMS_KEY, undefined);
    showLogin((error as Error).message);
  }
}

function setConnection(key: typeof connectionKey) {
  connectionKey = key;
  connection.textContent = key ? t(key) : "";
}
