import { expect, it } from 'vitest';

import { corpusFiles, describeCorpus } from './corpus';

// Realistic client code (test/fixtures/corpus/require-retry-after, see its README): the issue's
// bar is >= 95% of reports right and >= 90% of cases caught.
describeCorpus('require-retry-after', { precision: 0.95, recall: 0.9, sourceType: 'detect' });

it('require-retry-after corpus has cases of both kinds', () => {
  const files = corpusFiles('require-retry-after');
  expect(files.filter((file) => file.startsWith('p')).length).toBeGreaterThanOrEqual(15);
  expect(files.filter((file) => file.startsWith('n')).length).toBeGreaterThanOrEqual(15);
});
