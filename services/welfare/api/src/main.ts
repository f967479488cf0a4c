import { runService } from '@hamgam/service-kit';
import { welfareService } from './service.js';

await runService(welfareService);
