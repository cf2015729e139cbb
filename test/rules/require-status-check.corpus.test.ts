import { describeCorpus } from './corpus';

// Realistic code for require-status-check: test/fixtures/corpus/require-status-check (its README says what it is modelled on).
describeCorpus('require-status-check', { precision: 0.95, recall: 0.9, places: 'reads' });
