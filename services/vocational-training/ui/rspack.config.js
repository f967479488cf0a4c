import { createRemoteConfig } from '@hamgam/build-config';

export default createRemoteConfig({
  service: 'vocational-training',
  exposes: { './App': './src/App.tsx' },
  dir: import.meta.dirname,
});
