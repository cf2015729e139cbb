import { describeCorpus } from './corpus';

// Realistic code for no-json-on-no-content: test/fixtures/corpus/no-json-on-no-content (its README says what it is modelled on).
describeCorpus('no-json-on-no-content', { precision: 0.95, recall: 0.9, places: 'parses' });
