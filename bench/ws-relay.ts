import { createServer } from "node:http";
import { WebSocket, WebSocketServer } from "ws";

/**
 * The baseline: a bare `ws` relay that forwards every frame to the other sockets, with no auth,
 * storage or validation. carechat's delivery latency is printed beside it. Sockets opened on the same
 * path form a room (`/room-1`): a frame goes to the other sockets of its room only.
 */
export async function startRelay(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer();
  const wss = new WebSocketServer({ server });
  const rooms = new WeakMap<WebSocket, string>();
  wss.on("connection", (socket, request) => {
    rooms.set(socket, request.url ?? "/");
    socket.on("message", (data) => {
      const room = rooms.get(socket);
      for (const other of wss.clients)
        if (other !== socket && rooms.get(other) === room && other.readyState === WebSocket.OPEN)
          other.send(data.toString());
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `ws://127.0.0.1:${port}`,
    stop: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
