import { serviceBundle } from '@hamgam/service-kit/tsup';
import { defineConfig } from 'tsup';

// The re-seal job ships in the image too (run as a Kubernetes Job, where tsx is not installed).
export default defineConfig({ ...serviceBundle, entry: [...serviceBundle.entry, 'src/cli/pii-reseal.ts'] });
