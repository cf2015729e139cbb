import { describeCorpus } from './corpus';

// Realistic code for valid-status-code: test/fixtures/corpus/valid-status-code (its README says what it is modelled on).
describeCorpus('valid-status-code', { precision: 0.95, recall: 0.9, places: 'places' });
