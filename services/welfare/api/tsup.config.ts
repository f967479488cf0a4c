import { serviceBundle } from '@hamgam/service-kit/tsup';
import { defineConfig } from 'tsup';

export default defineConfig(serviceBundle);
