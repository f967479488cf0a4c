import net from 'node:net';

/**
 * A TCP relay in front of the store that can stop passing bytes: the store then "does not answer",
 * while every connection stays open (what a stuck store looks like to the driver). Kit tests of limits.
 */
export async function freezableStore(base: string, dbName: string) {
  const storeAddress = new URL(base.replace(/^mongodb/, 'http'));
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(storeAddress.port || 27017), storeAddress.hostname);
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => frozen || upstream.write(chunk));
    upstream.on('data', (chunk) => frozen || client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `mongodb://127.0.0.1:${port}/${dbName}?directConnection=true`,
    freeze: () => (frozen = true),
    thaw: () => (frozen = false),
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
