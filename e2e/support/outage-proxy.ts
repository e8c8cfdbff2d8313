import net from "node:net";

// A TCP proxy in front of an app server that a test can take down and bring back. Taking it down
// cuts the connections that are open (a Server-Sent Events stream included) and drops new ones,
// the way a network outage does. Chromium's offline emulation cannot do this: it fails new
// requests but leaves an open stream alone.

export type OutageProxy = {
  /** The proxy's origin (127.0.0.1, so that the browser does not try ::1 first). */
  url: string;
  /** Cuts every open connection; until `restore`, new ones are closed as soon as they open. */
  cut: () => void;
  restore: () => void;
  close: () => Promise<void>;
};

export async function startOutageProxy(target: string): Promise<OutageProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  let isDown = false;

  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (isDown) return void client.destroy();
    const upstream = net.connect(Number(port), hostname);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("The proxy did not get a port.");

  const cutAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut: () => {
      isDown = true;
      cutAll();
    },
    restore: () => {
      isDown = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        cutAll();
        server.close(() => resolve());
      }),
  };
}
