/**
 * The HTTP protections from Fastify plugins: security headers (helmet), a CORS policy that allows no
 * other origin unless listed, and a per-address rate limit (the limit requests_per_minute).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { configureLimits } from '../../src/model/limits.js';
import { type Harness, harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  configureLimits({ values: {} });
});

describe('HTTP protections', () => {
  it('sends the security headers on every answer, errors included', async () => {
    h = harness();
    for (const url of ['/api/health', '/api/no-such-thing']) {
      const r = await h.app.inject(url);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    }
  });

  it('allows no other origin by default, and the listed ones when configured', async () => {
    h = harness();
    const foreign = { origin: 'https://elsewhere.example' };
    const r = await h.app.inject({ url: '/api/health', headers: foreign });
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    await h.close();
    h = harness({ corsOrigins: ['https://partner.example'] });
    const ok = await h.app.inject({ url: '/api/health', headers: { origin: 'https://partner.example' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://partner.example');
    const no = await h.app.inject({ url: '/api/health', headers: foreign });
    expect(no.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 429 with the limit named once an address goes over requests_per_minute', async () => {
    configureLimits({ values: { requests_per_minute: 3 } });
    h = harness();
    const codes: number[] = [];
    let last: Awaited<ReturnType<Harness['app']['inject']>> | undefined;
    for (let i = 0; i < 5; i++) {
      last = await h.app.inject('/api/health');
      codes.push(last.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const issue = last?.json().issues[0];
    expect(issue.code).toBe('limit_exceeded');
    expect(issue.path).toBe('limits.requests_per_minute');
    expect(issue.message).toMatch(/--limit requests_per_minute=/);
  });
});
