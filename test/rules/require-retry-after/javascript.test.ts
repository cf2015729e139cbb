import { delayCase, jsRuleTester, rule } from './setup';

// ---------------------------------------------------------------------------------------------
// Plain JavaScript (espree), JSX, odd syntax
// ---------------------------------------------------------------------------------------------

jsRuleTester.run('require-retry-after: JavaScript', rule, {
  valid: [
    // JSX component that shows the 429 instead of retrying.
    `
export function Quota({ url }) {
  const [state, setState] = useState(null);
  useEffect(() => {
    fetch(url).then((res) => {
      if (res.status === 429) setState('busy');
      else setState('ok');
    });
  }, [url]);
  return <p>{state}</p>;
}`,
    // CommonJS, reads the header through a destructured helper.
    `
const { getRetryAfterMs } = require('./retry');
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url);
    if (res.status === 503) {
      await new Promise((r) => setTimeout(r, getRetryAfterMs(res) ?? 1000));
      continue;
    }
    return res;
  }
}`,
    // Code that does not parse into anything we know: no crash.
    `for (;;) { continue; }`,
    `async function* gen(u) { while (true) { const r = yield fetch(u); if (r) continue; } }`,
  ],
  invalid: [
    // `.then` chain with a timer and a sequence expression as the delay.
    delayCase(
      `
function poll(url, n) {
  return fetch(url).then((res) => {
    if (res.status === 503) {
      setTimeout(() => poll(url, n), ⟦(n++, 5000)⟧);
      return undefined;
    }
    return res.json();
  });
}`,
      "res.headers.get('retry-after')",
      { fallback: '(n++, 5000)' },
    ),
    // Destructured status, `switch`, a loop with `do…while`.
    delayCase(
      `
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function load(url) {
  let res;
  let tries = 0;
  do {
    res = await fetch(url);
    const { status } = res;
    switch (status) {
      case 429:
      case 503:
        await wait(⟦1000 * ++tries⟧);
        continue;
      default:
        return res;
    }
  } while (tries < 5);
}`,
      "res.headers.get('retry-after')",
    ),
    // Aliased response and optional chaining on the status.
    delayCase(
      `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function load(url) {
  for (let i = 0; i < 3; i++) {
    const response = await fetch(url);
    const r = response;
    if (r?.status === 429) {
      await sleep(⟦250⟧);
      continue;
    }
    return r;
  }
}`,
      "response.headers.get('retry-after')",
    ),
  ],
});
