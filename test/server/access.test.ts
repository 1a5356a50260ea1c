/**
 * Who may change things: on loopback anyone on the machine; beyond it, only GET without a token;
 * with a token, POST, PUT and DELETE need `Authorization: Bearer <token>`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isLoopback } from '../../src/server/start.js';
import { type Harness, harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const post = (app: Harness['app'], headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/routes',
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ from: 'xian', to: 'duisburg' }),
  });

describe('write access', () => {
  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.10', 'example.org'].some(isLoopback)).toBe(false);
  });

  it('read-only beyond loopback without a token: GET answers, POST is a 403 that says how', async () => {
    h = harness({ writes: { mode: 'read-only', host: '0.0.0.0' } });
    expect((await h.app.inject('/api/health')).statusCode).toBe(200);
    const r = await post(h.app);
    expect(r.statusCode).toBe(403);
    expect(r.json().issues[0].message).toMatch(/CARAVAN_TOKEN/);
  });

  it('with a token: POST without it or with a wrong one is a 401, with it goes through', async () => {
    h = harness({ writes: { mode: 'token', token: 's3cret-token' } });
    expect((await post(h.app)).statusCode).toBe(401);
    expect((await post(h.app, { authorization: 'Bearer wrong' })).statusCode).toBe(401);
    const ok = await post(h.app, { authorization: 'Bearer s3cret-token' });
    expect(ok.statusCode).toBe(200);
    expect((await h.app.inject('/api/network')).statusCode).toBe(200);
  });
});
