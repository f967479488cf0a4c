import { runService } from '@hamgam/service-kit';
import { instituteFundingService } from './service.js';

await runService(instituteFundingService);
