import { describeCorpus } from './corpus';

// Realistic code for no-retry-on-client-error: test/fixtures/corpus/no-retry-on-client-error (its README says what it is modelled on).
describeCorpus('no-retry-on-client-error', { precision: 0.95, recall: 0.9, places: 'retries' });
