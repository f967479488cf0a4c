import { expectAgencyHome } from '@hamgam/ui-kit/testing';
import { it } from 'vitest';
import App from './App';
import { messages } from './messages';

it('shows the agency title and who the user is in this service', () =>
  expectAgencyHome(App, { service: 'vocational-training', username: 'tvto.staff', role: 'tvto-staff', title: messages.fa['vocational-training.title'] }));
