import { createRemoteConfig } from '@hamgam/build-config';

export default createRemoteConfig({
  name: 'institute_funding',
  exposes: { './App': './src/App.tsx' },
  dir: import.meta.dirname,
});
