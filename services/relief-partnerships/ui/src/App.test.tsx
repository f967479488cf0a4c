import { itIsADeskModule } from '@hamgam/agency-desk/ui/testing';
import App from './App';
import { messages } from './messages';

itIsADeskModule({
  App,
  service: 'relief-partnerships',
  roles: ['relief-officer', 'basij-liaison'],
  title: messages.fa['relief-partnerships.title'],
});
