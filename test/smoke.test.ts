import { test } from 'vitest';
import { analyze } from './analysis/helpers';
test('smoke', () => {
  analyze(`
import ky from 'ky';
import axios from 'axios';
async function del(url) {
  const res = await fetch(url, { method: 'DELETE' });
  if (res.status === 204) return null;
  return res.json();
}
async function generic(url, init) {
  const r = await fetch(url, init);
  const { status } = r;
  if (status >= 400 && status < 500) throw new Error();
  return r.json();
}
fetch('/a', {method: 'delete'}).then(r => r.json());
ky.delete('/x').json();
const api = axios.create();
api.delete('/y');
const get = async (u) => { const res = await fetch(u); return res; };
async function use() { const x = await get('/z'); return JSON.parse(await x.text()); }
`, ({ model, text }) => {
    for (const r of model.requests) console.log('REQ', text(r.node), r.client.id, r.method.methods && [...r.method.methods], r.method.forwarded);
    for (const p of model.bodyParses) {
      const n = p.response ? model.statusesAt(p.node, p.response.subject).statuses.toString() : '-';
      console.log('PARSE', text(p.node), p.kind, p.throwsOnEmpty, n);
    }
  });
});
