import { runService } from '@hamgam/service-kit';
import { vocationalTrainingService } from './service.js';

await runService(vocationalTrainingService);
