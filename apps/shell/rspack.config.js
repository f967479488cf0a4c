import { createHostConfig } from '@hamgam/build-config';

export default createHostConfig({ dir: import.meta.dirname });
