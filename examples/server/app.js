// A small Express server for the demo: errors sent with a success status, a body sent with 204,
// statuses Express rejects, a Retry-After in milliseconds.
import express from 'express';

import { db } from './db.js';

const app = express();
app.use(express.json());

app.get('/users/:id', async (req, res) => {
  try {
    const user = await db.users.find(req.params.id);
    if (!user) {
      return res.json({ success: false, message: 'User not found' });
    }
    res.json(user);
  } catch (error) {
    res.status(200).json({ error: error.message });
  }
});

app.post('/users', async (req, res) => {
  if (!req.body.email) {
    return res.send({ status: 400, message: 'email is required' });
  }
  const user = await db.users.create(req.body);
  res.status(201).json(user);
});

app.delete('/users/:id', async (req, res) => {
  const removed = await db.users.remove(req.params.id);
  if (!removed) return res.status('404').json({ message: 'User not found' });
  res.status(204).json({ message: 'User deleted' });
});

// Tells clients when to come back, in milliseconds: Retry-After takes seconds.
app.post('/exports', async (req, res) => {
  const { allowed, resetAt } = await db.exports.reserve(req.body.userId);
  if (!allowed) {
    res.set('Retry-After', String(resetAt - Date.now()));
    return res.status(429).json({ error: 'Too many exports' });
  }
  res.status(202).json({ queued: true });
});

// A 405 must carry Allow: the guard says which methods are allowed.
app.all('/users', (req, res) => {
  if (req.method !== 'GET' && req.method !== 'POST') {
    return res.status(405).json({ message: `${req.method} is not allowed` });
  }
  res.json({ users: [] });
});

export default app;
