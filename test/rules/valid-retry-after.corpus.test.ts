import { describeCorpus } from './corpus';

// Realistic code for valid-retry-after: test/fixtures/corpus/valid-retry-after (its README says what it is modelled on).
describeCorpus('valid-retry-after', { precision: 0.95, recall: 0.9, places: 'places' });
