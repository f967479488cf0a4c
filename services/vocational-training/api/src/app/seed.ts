import type { VtDeps } from '../desk.js';

export async function seedTvto(_deps: VtDeps): Promise<void> {}
