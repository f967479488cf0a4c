import { itIsADeskModule } from '@hamgam/agency-desk/ui/testing';
import App from './App';
import { messages } from './messages';

itIsADeskModule({ App, service: 'institute-funding', roles: ['fund-officer'], title: messages.fa['institute-funding.title'] });
