import { pathToFileURL } from 'node:url';
import { SHELL } from '@hamgam/registry';
import { createShellServer } from './app.js';
import { createLifecycle, DEFAULT_SHUTDOWN_TIMEOUT_MS, drain } from './drain.js';

export { createShellServer };

// Listen only when run as `node server/main.js`, so tests can import the factory from here too.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT || SHELL.port);
  // HOST=127.0.0.1 keeps the shell to this machine (the native stack); unset, every interface (a container).
  const host = process.env.HOST || undefined;
  const lifecycle = createLifecycle();
  const server = createShellServer({ lifecycle }).listen(port, host, (error) => {
    // Express hands listen errors (a port in use) to this callback: they must still end the process.
    if (error) throw error;
    const bound = server.address();
    console.log(`[shell] listening on ${bound.address}:${bound.port}`);
  });
  const shutdown = async (signal) => {
    console.log(`[shell] ${signal}: draining`);
    const outcome = await drain(server, lifecycle, Number(process.env.SHUTDOWN_TIMEOUT_MS) || DEFAULT_SHUTDOWN_TIMEOUT_MS);
    console.log(`[shell] shutdown: ${outcome}`);
    process.exit(outcome === 'drained' ? 0 : 1);
  };
  for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => void shutdown(signal));
}
