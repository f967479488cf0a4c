import { createRemoteConfig } from '@hamgam/build-config';

export default createRemoteConfig({
  service: 'welfare',
  exposes: { './App': './src/App.tsx' },
  dir: import.meta.dirname,
});
