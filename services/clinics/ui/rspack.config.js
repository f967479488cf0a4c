import { createRemoteConfig } from '@hamgam/build-config';

export default createRemoteConfig({
  service: 'clinics',
  exposes: { './App': './src/App.tsx' },
  dir: import.meta.dirname,
});
