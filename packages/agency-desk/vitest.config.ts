import { defineConfig } from 'vitest/config';

// API tests need FerretDB/MongoDB at MONGO_URL_BASE (default 127.0.0.1:27017); UI tests pick happy-dom per file.
export default defineConfig({ test: { include: ['src/**/*.test.{ts,tsx}'], testTimeout: 20_000, hookTimeout: 30_000 } });
