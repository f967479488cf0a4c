import { createRemoteConfig } from '@hamgam/build-config';

export default createRemoteConfig({
  name: 'relief_partnerships',
  exposes: { './App': './src/App.tsx' },
  dir: import.meta.dirname,
});
