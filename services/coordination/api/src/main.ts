import { runService } from '@hamgam/service-kit';
import { coordinationService } from './service.js';

await runService(coordinationService);
