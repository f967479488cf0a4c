import { runService } from '@hamgam/service-kit';
import { reliefPartnershipsService } from './service.js';

await runService(reliefPartnershipsService);
