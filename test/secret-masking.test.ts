/**
 * No secret leaves in an error: a provider that echoes the password (in a 422), the access token
 * (in a 400) or the API key (in a 401) has its text reach the client with the secret masked, in
 * responses and log lines; configuration errors mask URL credentials and never quote the file.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { captureLogs, setLogLevel } from '../src/log.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { MASK } from '../src/security/mask.js';
import { startWithCallers, writeConfig, type CallersApp } from './helpers/callers.js';

let sandbox: Sandbox;
let app: CallersApp;
const lines: string[] = [];
let restore: () => void;

beforeAll(async () => {
  sandbox = await startSandbox();
  restore = captureLogs(lines);
  setLogLevel('debug');
  app = await startWithCallers(sandbox, { mode: 'production', env: { ADGRAPH_AUTH: 'none', LOG_LEVEL: 'debug' } });
});
afterAll(async () => {
  restore?.();
  setLogLevel('error');
  await app?.close();
  await sandbox?.close();
});

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('provider error text', () => {
  it('masks a password echoed in a 422, a token in a 400 and a key in a 401', async () => {
    const demo = sandbox.logins.find((l) => l.id === 'demo')!;
    const alpha = sandbox.keys.find((k) => k.id === 'alpha')!;
    // A first query signs in, so adgraph holds an access token to be echoed.
    await app.gql(undefined, '{ advertisements(first: 1, connectionId: "demo") { nodes { id } } }');
    const token = await app.app.providers.adstat.get('demo')!.session.token();
    const controls = sandbox.adstat.server.controls;
    controls.addFault({ endpoint: 'GET /api/v2/advertisement', status: 422, body: { detail: `password ${demo.password} is not accepted here` }, times: 1 });
    controls.addFault({ endpoint: 'GET /api/campaigns', status: 400, body: { detail: `token ${token} was sent in the wrong place` }, times: 1 });
    sandbox.tonai.server.controls.addFault({ endpoint: 'GET /api/v2/openapi/ad/campaign/list', status: 401, body: { code: 401, message: `key ${alpha.apiKey} refused`, data: null } });
    app.app.providers.cache.clear();
    const res = await app.gql(
      undefined,
      '{ advertisements(first: 1, connectionId: "demo") { nodes { id } } campaigns(first: 200) { nodes { id } } }',
    );
    sandbox.tonai.server.controls.clearFaults();
    controls.clearFaults();
    const text = JSON.stringify(res);
    const messages = (res.errors ?? []).map((e) => e.message).join('\n');
    // The provider's words still arrive, minus the secrets.
    expect(messages).toContain(`password ${MASK} is not accepted here`);
    expect(messages).toContain(`token ${MASK} was sent in the wrong place`);
    expect(messages).toContain(`key ${MASK} refused`);
    for (const secret of [demo.password, token, alpha.apiKey]) {
      expect(text).not.toContain(secret);
      expect(lines.join('\n')).not.toContain(secret);
    }
  });

  it('masks provider text that lands in data, not only in errors', async () => {
    const demo = sandbox.logins.find((l) => l.id === 'demo')!;
    const accounts = await app.gql<{ accounts: { id: string; connectionId: string }[] }>(undefined, '{ accounts(provider: ADSTAT) { id connectionId } }');
    const cabinet = accounts.data!.accounts.find((a) => a.connectionId === 'demo')!;
    sandbox.adstat.server.controls.addFault({
      endpoint: 'GET /api/advertisement/bots/validate',
      status: 200,
      body: { bots: [], errors: [{ code: 'x', url: 't.me/some_bot', detail: `login demo uses ${demo.password}` }] },
      times: 1,
    });
    app.app.providers.cache.clear();
    const res = await app.gql<{ validateTargetBots: { errorMessage: string }[] }>(undefined, 'query($a: ID!) { validateTargetBots(accountId: $a, bots: ["t.me/some_bot"]) { errorMessage } }', { a: cabinet.id });
    sandbox.adstat.server.controls.clearFaults();
    expect(res.data!.validateTargetBots[0]!.errorMessage).toBe(`login demo uses ${MASK}`);
    expect(JSON.stringify(res)).not.toContain(demo.password);
    // Asked again: the answer with the secret in it was not kept whole (the response cache keeps
    // the unmasked text it shares with the response writer), so it is masked again, not replayed.
    const again = await app.gql<{ validateTargetBots: { errorMessage: string }[] }>(undefined, 'query($a: ID!) { validateTargetBots(accountId: $a, bots: ["t.me/some_bot"]) { errorMessage } }', { a: cabinet.id });
    expect(again.data!.validateTargetBots[0]!.errorMessage).toBe(`login demo uses ${MASK}`);
    expect(JSON.stringify(again)).not.toContain(demo.password);
  });
});

describe('configuration errors', () => {
  it('mask URL credentials', () => {
    const found = problems({ ADSTAT_BASE_URL: 'ftp://agency:Hunter2-secret@proxy.example.com/adstat' });
    expect(found).toEqual(['ADSTAT_BASE_URL: must be an http(s) URL (got "ftp://***@proxy.example.com/adstat")']);
  });

  it('do not quote a configuration file that is not JSON', () => {
    const path = writeConfig('x');
    const found = problems({ ADGRAPH_CONFIG: path.replace(/config\.json$/, 'broken.json') });
    expect(found[0]).toMatch(/cannot read/);
    const broken = writeConfig({});
    writeFileSync(broken, '{ "adstat": { "logins": [{ "id": "a", "username": "u", "password": "Sup3r-secret-pw" ');
    const [problem] = problems({ ADGRAPH_CONFIG: broken });
    expect(problem).toMatch(/is not valid JSON/);
    expect(problem).not.toContain('Sup3r-secret-pw');
  });
});
