import { createRemoteConfig } from '@hamgam/build-config';

export default createRemoteConfig({
  name: 'vocational_training',
  exposes: { './App': './src/App.tsx' },
  dir: import.meta.dirname,
});
