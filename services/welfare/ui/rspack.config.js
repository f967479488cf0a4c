import { createRemoteConfig } from '@hamgam/build-config';

export default createRemoteConfig({
  name: 'welfare',
  exposes: { './App': './src/App.tsx' },
  dir: import.meta.dirname,
});
