import { runService } from '@hamgam/service-kit';
import { clinicsService } from './service.js';

await runService(clinicsService);
