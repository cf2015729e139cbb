import { describeCorpus } from './corpus';

// Realistic code for no-body-with-null-body-status: test/fixtures/corpus/no-body-with-null-body-status (its README says what it is modelled on).
describeCorpus('no-body-with-null-body-status', { precision: 1, recall: 0.8, places: 'sends' });
