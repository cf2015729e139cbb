import { expect, it } from 'vitest';

/** A corpus file and how many reports it should get; `known` names a miss or false report kept on purpose. */
export interface ScoredItem {
  readonly name: string;
  readonly expected: number;
  readonly known?: string;
}

/** Caught, false and missed places over a corpus, from each file's report count. */
export function scoreCorpus(results: ReadonlyArray<{ item: ScoredItem; reported: number }>) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { item, reported } of results) {
    truePositives += Math.min(reported, item.expected);
    falsePositives += Math.max(0, reported - item.expected);
    falseNegatives += Math.max(0, item.expected - reported);
  }
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
  };
}

/** One test per file: its expected count, or for a `known` case, anything but it (so fixing it shows). */
export function itReportsAsExpected(
  results: ReadonlyArray<{ item: ScoredItem; reported: number }>,
): void {
  for (const { item, reported } of results) {
    it(`${item.name}: ${item.known ? 'known: ' + item.known : `${item.expected} report(s)`}`, () => {
      if (item.known) expect(reported).not.toBe(item.expected);
      else expect(reported).toBe(item.expected);
    });
  }
}

/** The summary line the corpus tests print. */
export function describeScore(
  files: number,
  places: string,
  score: ReturnType<typeof scoreCorpus>,
): string {
  const { truePositives, falsePositives, falseNegatives, precision, recall } = score;
  return (
    `corpus: ${files} files, ${truePositives + falseNegatives} flagged ${places}; ` +
    `${truePositives} caught, ${falsePositives} false reports, ${falseNegatives} missed; ` +
    `precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`
  );
}
