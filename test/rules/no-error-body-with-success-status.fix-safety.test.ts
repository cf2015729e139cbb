/**
 * Issue 17: a status guessed from context (500 in a `catch`) is a suggestion, never an autofix;
 * a status the body states may stay one. A partial result is no error body.
 */
import type { MessageIds, Options } from '../../src/rules/no-error-body-with-success-status';
import ruleModule from '../../src/rules/no-error-body-with-success-status';
import { createJavaScriptRuleTester, createRuleTester } from '../rule-tester';

const rule = ruleModule as never;
const ts = createRuleTester();
const js = createJavaScriptRuleTester();

const NAMES: Record<number, string> = {
  400: '400 Bad Request',
  401: '401 Unauthorized',
  403: '403 Forbidden',
  404: '404 Not Found',
  409: '409 Conflict',
  422: '422 Unprocessable Entity',
  500: '500 Internal Server Error',
};
const ALL = [400, 401, 403, 404, 409, 422, 500];

function suggestions(first: number[], apply: (status: number) => string) {
  return [...first, ...ALL.filter((s) => !first.includes(s))].map((status) => ({
    messageId: 'sendStatus' as const,
    data: { status: NAMES[status] },
    output: apply(status),
  }));
}

const express = `import express from 'express';\nconst app = express();\n`;

// The login handler of the issue: the errors `login` throws are a wrong password (401) and a
// duplicate email (409); 500 would be a guess, and the app's client reads `error` from a 200.
const login = (status: string) => `${express}app.post('/login', async (req, res) => {
  try {
    const user = await login(req.body.email, req.body.password);
    res.json({ token: sign(user) });
  } catch (err) {
    res${status}.json({ error: err.message });
  }
});`;

js.run<MessageIds, Options>('no-error-body-with-success-status fix safety (JavaScript)', rule, {
  valid: [
    // A partial result: the person is there, one part failed.
    {
      code: `${express}app.get('/people/:id', async (req, res) => {
  const person = await findPerson(req.params.id);
  try {
    res.json({ ...person, filmography: await loadFilms(person) });
  } catch (error) {
    res.json({ ...person, filmography: [], error });
  }
});`,
      filename: 'server.js',
    },
  ],
  invalid: [
    {
      code: login(''),
      output: null,
      filename: 'server.js',
      errors: [
        {
          messageId: 'errorBodyWithSuccess',
          suggestions: suggestions([500], (s) => login(`.status(${s})`)),
        },
      ],
    },
    // An error-first callback's error branch: a guess too.
    {
      code: `${express}app.get('/file', (req, res) => {
  fs.readFile(path, (err, data) => {
    if (err) return res.send({ error: err.message });
    res.send(data);
  });
});`,
      output: null,
      filename: 'server.js',
      errors: [
        {
          messageId: 'errorBodyWithSuccess',
          suggestions: suggestions(
            [500],
            (s) => `${express}app.get('/file', (req, res) => {
  fs.readFile(path, (err, data) => {
    if (err) return res.status(${s}).send({ error: err.message });
    res.send(data);
  });
});`,
          ),
        },
      ],
    },
    // A status the body states: an autofix, with nothing else offered.
    {
      code: `${express}app.post('/users', (req, res) => {
  if (!req.body.email) return res.json({ status: 400, error: 'Email is required' });
  res.json(create(req.body));
});`,
      output: `${express}app.post('/users', (req, res) => {
  if (!req.body.email) return res.status(400).json({ status: 400, error: 'Email is required' });
  res.json(create(req.body));
});`,
      filename: 'server.js',
      errors: [{ messageId: 'errorBodyWithSuccess', suggestions: [] }],
    },
    // ... which `autofix: false` makes the first suggestion.
    {
      code: `${express}app.post('/users', (req, res) => {
  if (!req.body.email) return res.json({ status: 400, error: 'Email is required' });
  res.json(create(req.body));
});`,
      output: null,
      options: [{ autofix: false }],
      filename: 'server.js',
      errors: [
        {
          messageId: 'errorBodyWithSuccess',
          suggestions: suggestions(
            [400],
            (s) => `${express}app.post('/users', (req, res) => {
  if (!req.body.email) return res.status(${s}).json({ status: 400, error: 'Email is required' });
  res.json(create(req.body));
});`,
          ),
        },
      ],
    },
    // A stated status inside a catch is still stated: an autofix.
    {
      code: `${express}app.get('/a', async (req, res) => { try { await run(); } catch (e) { res.json({ error: e.message, code: 503 }); } });`,
      output: `${express}app.get('/a', async (req, res) => { try { await run(); } catch (e) { res.status(503).json({ error: e.message, code: 503 }); } });`,
      filename: 'server.js',
      errors: [{ messageId: 'errorBodyWithSuccess', suggestions: [] }],
    },
    // A spread of the caught error is the error, not data beside it.
    {
      code: `${express}app.get('/a', async (req, res) => { try { await run(); } catch (err) { res.json({ ...err, error: 'Failed to run' }); } });`,
      output: null,
      filename: 'server.js',
      errors: [
        {
          messageId: 'errorBodyWithSuccess',
          suggestions: suggestions(
            [500],
            (s) =>
              `${express}app.get('/a', async (req, res) => { try { await run(); } catch (err) { res.status(${s}).json({ ...err, error: 'Failed to run' }); } });`,
          ),
        },
      ],
    },
  ],
});

const next = `import type { NextApiRequest, NextApiResponse } from 'next';\n`;
const nextLogin = (
  status: string,
) => `${next}export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  try {
    res.json({ user: await register(req.body) });
  } catch (error) {
    res${status}.json({ error: (error as Error).message });
  }
}`;

ts.run<MessageIds, Options>('no-error-body-with-success-status fix safety (TypeScript)', rule, {
  valid: [
    `${next}export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const person = await findPerson(String(req.query.id));
  try {
    res.json({ ...person, filmography: await loadFilms(person) });
  } catch (error) {
    res.json({ ...person, filmography: [] as string[], error: (error as Error).message });
  }
}`,
  ],
  invalid: [
    {
      code: nextLogin(''),
      output: null,
      errors: [
        {
          messageId: 'errorBodyWithSuccess',
          suggestions: suggestions([500], (s) => nextLogin(`.status(${s})`)),
        },
      ],
    },
    {
      code: `${next}export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ statusCode: 404, error: 'Not found' } satisfies object);
}`,
      output: `${next}export default function handler(req: NextApiRequest, res: NextApiResponse) {
  res.status(404).json({ statusCode: 404, error: 'Not found' } satisfies object);
}`,
      errors: [{ messageId: 'errorBodyWithSuccess', suggestions: [] }],
    },
  ],
});
