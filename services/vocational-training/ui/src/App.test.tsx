import { itIsADeskModule } from '@hamgam/agency-desk/ui/testing';
import App from './App';
import { messages } from './messages';

itIsADeskModule({ App, service: 'vocational-training', roles: ['tvto-staff'], title: messages.fa['vocational-training.title'] });
