import { createRemoteConfig } from '@hamgam/build-config';

export default createRemoteConfig({
  service: 'coordination',
  exposes: { './App': './src/App.tsx', './HomeWidget': './src/HomeWidget.tsx' },
  dir: import.meta.dirname,
});
