/**
 * Secrets never appear in logs, errors or responses: adgraph in production mode against the
 * simulators with wrong credentials, every log line captured at debug level.
 */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdgraph, type Adgraph } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { captureLogs, setLogLevel } from '../src/log.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';

const PASSWORD = 'Pa55-word-that-must-never-leak';
const KEY = 'tonai-key-that-must-never-leak';
const GOOD_PASSWORD_USER = 'agency2';

let sandbox: Sandbox;
let app: Adgraph;
const lines: string[] = [];
let restore: () => void;

beforeAll(async () => {
  sandbox = await startSandbox();
  restore = captureLogs(lines);
  setLogLevel('debug');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    ADSTAT_BASE_URL: sandbox.adstatUrl,
    ADSTAT_USERNAME: GOOD_PASSWORD_USER,
    ADSTAT_PASSWORD: PASSWORD,
    TONAI_BASE_URL: sandbox.tonaiUrl,
    TONAI_API_KEY: KEY,
    // No callers: this test is about upstream credentials, not about who may call.
    ADGRAPH_AUTH: 'none',
  });
  expect(config.mode).toBe('production');
  app = await startAdgraph(config);
});
afterAll(async () => {
  restore();
  setLogLevel('error');
  await app.close();
  await sandbox.close();
});

describe('secrets', () => {
  it('wrong credentials give typed auth errors that name the login, never the password or key', async () => {
    const res = await request(`http://127.0.0.1:${app.server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ environment { mode connections { id label } } accounts { id } advertisements(first: 5) { edges { cursor } } campaigns(first: 5) { edges { cursor } } }`,
      }),
    });
    const text = await res.body.text();
    const body = JSON.parse(text) as { data: { environment: { mode: string } }; errors: { extensions: { code: string; account: string } }[] };
    expect(body.data.environment.mode).toBe('PRODUCTION');
    const codes = new Set(body.errors.map((e) => `${e.extensions.code}:${e.extensions.account}`));
    expect(codes).toEqual(new Set(['PROVIDER_AUTH:default']));
    for (const secret of [PASSWORD, KEY]) {
      expect(text).not.toContain(secret);
      expect(lines.join('\n')).not.toContain(secret);
    }
  });

  it('redacts secret-looking fields in log lines, at any depth', async () => {
    const { log } = await import('../src/log.js');
    log.info('probe', { password: PASSWORD, apiKey: KEY, authorization: `Bearer ${KEY}`, account: 'default', upstream: { headers: { 'x-api-key': KEY } } });
    const last = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(last).toMatchObject({ msg: 'probe', level: 'info', account: 'default', password: '[redacted]', apiKey: '[redacted]', authorization: '[redacted]' });
    expect(last.upstream).toEqual({ headers: { 'x-api-key': '[redacted]' } });
    expect(lines.at(-1)).not.toContain(PASSWORD);
    expect(lines.at(-1)).not.toContain(KEY);
    // Inside arrays, and in a class instance's own fields (copied only where something is replaced:
    // the caller's objects stay as they were).
    class Holder {
      constructor(readonly token: string, readonly name: string) {}
    }
    const fields = { items: [{ id: 1 }, { id: 2, secret: KEY }], holder: new Holder(KEY, 'h') };
    log.info('probe-2', fields);
    const second = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(second.items).toEqual([{ id: 1 }, { id: 2, secret: '[redacted]' }]);
    expect(second.holder).toEqual({ token: '[redacted]', name: 'h' });
    expect(fields.items[1]).toEqual({ id: 2, secret: KEY });
    expect(lines.at(-1)).not.toContain(KEY);
  });
});
