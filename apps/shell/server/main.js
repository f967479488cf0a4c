import { pathToFileURL } from 'node:url';
import { createShellServer } from './app.js';

export { createShellServer };

// Listen only when run as `node server/main.js`, so tests can import the factory from here too.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT || 3000);
  createShellServer().listen(port, () => console.log(`[shell] listening on http://localhost:${port}`));
}
