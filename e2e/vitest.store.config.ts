import { defineConfig } from 'vitest/config';

// Checks of the native stack's store itself (FerretDB on PostgreSQL): runs against the stack that
// infra/native/up.sh brought up, without the services.
export default defineConfig({
  root: import.meta.dirname,
  test: { include: ['store/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
});
