import { DEFAULT_HEADERS, STRICT_HEADERS } from '../../src/rules/require-status-headers';
import { describeCorpus } from './corpus';

// Realistic handlers for require-status-headers: test/fixtures/corpus/require-status-headers (its
// README says what they are modelled on); files named `NN-strict-…` use the `strict` config's map.
describeCorpus('require-status-headers', {
  precision: 1,
  recall: 0.8,
  places: 'sends',
  optionsFor: (file) =>
    /^\d+-strict-/.test(file) ? [{ headers: { ...DEFAULT_HEADERS, ...STRICT_HEADERS } }] : [],
});
