import { delayCase, rule, ruleTester } from './setup';

ruleTester.run('require-retry-after: TypeScript syntax', rule, {
  valid: [
    `
declare function sleep(ms: number): Promise<void>;
type Res = Awaited<ReturnType<typeof fetch>>;
async function load(url: string): Promise<Res> {
  for (let i = 0; i < 3; i++) {
    const res = (await fetch(url)) satisfies Res;
    if (res.status === 429) {
      await sleep((Number(res.headers.get('retry-after')!) as number) * 1000);
      continue;
    }
    return res;
  }
  throw new Error('gave up');
}`,
  ],
  invalid: [
    delayCase(
      `
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
async function load(url: string) {
  for (let i = 0; i < 3; i++) {
    const res = (await fetch(url))!;
    if ((res.status as number) === 429) {
      await sleep(⟦1000 as number⟧);
      continue;
    }
    return res;
  }
}`,
      "res.headers.get('retry-after')",
      { fallback: '(1000 as number)' },
    ),
  ],
});
