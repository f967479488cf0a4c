import * as contracts from '@hamgam/contracts';
import { referralWithdrawnV1 } from '@hamgam/contracts';
import { expect, it } from 'vitest';
import { referralStates as apiStates } from '../domain/referrals.js';
import * as ui from './vocabulary.js';

it('shows exactly the values of the contracts', () => {
  expect(ui.offerKinds).toEqual(contracts.offerKinds);
  expect(ui.needCategories).toEqual(contracts.needCategories);
  expect(ui.declineReasons).toEqual(contracts.declineReasons);
  expect(ui.referralOutcomes).toEqual(contracts.referralOutcomes);
  expect(ui.commitmentStatuses).toEqual(contracts.commitmentStatuses);
  expect(ui.withdrawReasons).toEqual(referralWithdrawnV1.shape.reason.options);
  expect(ui.referralStates).toEqual(apiStates);
});
