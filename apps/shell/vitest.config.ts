import { defineConfig } from 'vitest/config';

// UI tests run in happy-dom; server tests opt into node with a file comment.
export default defineConfig({ test: { environment: 'happy-dom' } });
