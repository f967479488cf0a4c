import { createRemoteConfig } from '@hamgam/build-config';

export default createRemoteConfig({
  service: 'institute-funding',
  exposes: { './App': './src/App.tsx' },
  dir: import.meta.dirname,
});
