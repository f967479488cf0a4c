import { mountStandaloneNotice } from '@hamgam/ui-kit';
import './messages';

mountStandaloneNotice(document.getElementById('root') ?? document.body, 'vocational-training.title');
