import { itIsADeskModule } from '@hamgam/agency-desk/ui/testing';
import App from './App';
import { messages } from './messages';

itIsADeskModule({ App, service: 'welfare', roles: ['welfare-officer'], title: messages.fa['welfare.title'] });
