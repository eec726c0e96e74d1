import { CareChatClient } from "../client/src/index.ts";

/** A token from the local runtime's `/dev/token`. */
export async function devToken(httpUrl: string, claims: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${httpUrl}/dev/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(claims),
  });
  return ((await response.json()) as { token: string }).token;
}

/** An SDK client, connected; no reconnect, so a failure shows in the figures rather than hiding in retries. */
export async function connectClient(url: string, token: string): Promise<CareChatClient> {
  const client = new CareChatClient({ url, token, reconnect: false });
  await client.connect();
  return client;
}
