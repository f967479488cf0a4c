import { createRemoteConfig } from '@hamgam/build-config';

export default createRemoteConfig({
  service: 'relief-partnerships',
  exposes: { './App': './src/App.tsx' },
  dir: import.meta.dirname,
});
