import net from "node:net";

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function firstFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free port between ${from} and ${from + 99}`);
}
