import { describeCorpus } from './corpus';

// Realistic code for no-error-body-with-success-status: test/fixtures/corpus/no-error-body-with-success-status (its README says what it is modelled on).
describeCorpus('no-error-body-with-success-status', {
  precision: 0.95,
  recall: 0.9,
  places: 'sends',
});
