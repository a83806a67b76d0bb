import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

function configFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'adgraph-config-'));
  const path = join(dir, 'adgraph.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('configuration', () => {
  it('takes AdStat’s budget and the lifetimes from the environment, defaulting to the documented limit', () => {
    const defaults = loadConfig({});
    expect(defaults.adstatBudget).toEqual({ max: 10, windowMs: 60_000, blockMs: 61_000 });
    expect(defaults.cache).toMatchObject({ closedPeriodTtlMs: 600_000, staleMaxMs: 3_600_000 });
    const raised = loadConfig({ ADSTAT_RATE_LIMIT_MAX: '100', ADSTAT_RATE_LIMIT_WINDOW_MS: '1000', ADGRAPH_CACHE_STALE_MAX_MS: '0' });
    expect(raised.adstatBudget).toEqual({ max: 100, windowMs: 1_000, blockMs: 61_000 });
    expect(raised.cache.staleMaxMs).toBe(0);
    expect(problems({ ADSTAT_RATE_LIMIT_MAX: '0', ADGRAPH_CACHE_CLOSED_PERIOD_TTL_MS: 'soon' })).toEqual([
      'ADSTAT_RATE_LIMIT_MAX: must be a whole number from 1 to 1000000 (got 0)',
      'ADGRAPH_CACHE_CLOSED_PERIOD_TTL_MS: must be a whole number from 0 to 604800000 (got "soon")',
    ]);
  });

  it('runs in sandbox mode with no credentials, on port 4000 by default', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('sandbox');
    expect(config.port).toBe(4000);
  });

  it('runs in production mode with credentials, and ADGRAPH_SANDBOX=1 forces the sandbox', () => {
    const env = { ADSTAT_USERNAME: 'me', ADSTAT_PASSWORD: 'pw', TONAI_API_KEY: 'k' };
    const production = loadConfig(env);
    expect(production.mode).toBe('production');
    expect(production.adstat.logins).toEqual([{ id: 'default', label: 'AdStat', username: 'me', password: 'pw' }]);
    expect(production.tonai.keys).toEqual([{ id: 'default', label: 'TON.ai', apiKey: 'k' }]);
    expect(loadConfig({ ...env, ADGRAPH_SANDBOX: '1' }).mode).toBe('sandbox');
  });

  it('reads several logins and keys from ADGRAPH_CONFIG, with secrets inline or from named variables', () => {
    const path = configFile({
      adstat: {
        logins: [
          { id: 'agency', label: 'Agency', username: 'a@example.com', passwordEnv: 'AGENCY_PW' },
          { id: 'brand', username: 'b@example.com', password: 'inline' },
        ],
      },
      tonai: { baseUrl: 'https://tonai.example', keys: [{ id: 'net-a', apiKeyEnv: 'KEY_A' }, { id: 'net-b', apiKey: 'kb' }] },
    });
    const config = loadConfig({ ADGRAPH_CONFIG: path, AGENCY_PW: 'secret', KEY_A: 'ka' });
    expect(config.mode).toBe('production');
    expect(config.adstat.logins.map((l) => [l.id, l.password])).toEqual([['agency', 'secret'], ['brand', 'inline']]);
    expect(config.tonai.keys.map((k) => [k.id, k.label, k.apiKey])).toEqual([['net-a', 'net-a', 'ka'], ['net-b', 'net-b', 'kb']]);
    expect(config.tonai.baseUrl).toBe('https://tonai.example');
  });

  it('reports every problem on its own line, naming the variable and the rule', () => {
    const found = problems({
      PORT: 'eighty',
      ADGRAPH_SANDBOX: 'maybe',
      ADSTAT_USERNAME: 'me',
      ADSTAT_BASE_URL: 'ftp://nope',
      LOG_LEVEL: 'loud',
      ADGRAPH_CACHE_LIST_TTL_MS: '-5',
      ADGRAPH_COMPILED_EXECUTION: 'sometimes',
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT: must be a whole number from 0 to 65535/),
        expect.stringMatching(/^ADGRAPH_SANDBOX: must be 1 or 0/),
        expect.stringMatching(/^ADSTAT_PASSWORD: required when ADSTAT_USERNAME is set/),
        expect.stringMatching(/^ADSTAT_BASE_URL: must be an http\(s\) URL/),
        expect.stringMatching(/^LOG_LEVEL: must be one of/),
        expect.stringMatching(/^ADGRAPH_CACHE_LIST_TTL_MS: must be a whole number/),
        'ADGRAPH_COMPILED_EXECUTION: must be one of auto, off, always (got "sometimes")',
      ]),
    );
    expect(found).toHaveLength(7);
  });

  it('names the JSON path of a bad config file entry, and never prints a secret', () => {
    const path = configFile({
      adstat: { logins: [{ id: 'Bad Id', username: 'x', password: 'hunter2' }, { id: 'ok', username: 'y' }] },
      tonai: { keys: [{ id: 'k', apiKeyEnv: 'MISSING_KEY' }], extra: true },
    });
    const found = problems({ ADGRAPH_CONFIG: path });
    expect(found.some((p) => p.startsWith('ADGRAPH_CONFIG adstat.logins[0].id:'))).toBe(true);
    expect(found.some((p) => p.startsWith('ADGRAPH_CONFIG tonai:') && /extra/.test(p))).toBe(true);
    expect(found.join('\n')).not.toContain('hunter2');

    const second = problems({ ADGRAPH_CONFIG: configFile({ adstat: { logins: [{ id: 'ok', username: 'y' }] }, tonai: { keys: [{ id: 'k', apiKeyEnv: 'MISSING_KEY' }] } }) });
    expect(second).toEqual([
      'ADGRAPH_CONFIG adstat.logins[0]: password or passwordEnv is required',
      'ADGRAPH_CONFIG tonai.keys[0].apiKeyEnv: environment variable MISSING_KEY is not set',
    ]);
  });

  it('rejects unreadable or invalid JSON files, duplicate ids, and ADGRAPH_SANDBOX=0 without credentials', () => {
    expect(problems({ ADGRAPH_CONFIG: '/nonexistent/adgraph.json' })).toEqual(['ADGRAPH_CONFIG: cannot read /nonexistent/adgraph.json (ENOENT)']);
    expect(problems({ ADGRAPH_CONFIG: configFile('{ not json') })[0]).toMatch(/^ADGRAPH_CONFIG: .* is not valid JSON/);
    const dup = configFile({ tonai: { keys: [{ id: 'a', apiKey: '1' }, { id: 'a', apiKey: '2' }] } });
    expect(problems({ ADGRAPH_CONFIG: dup })[0]).toMatch(/TON.ai key id "a" is used twice/);
    expect(problems({ ADGRAPH_SANDBOX: '0' })[0]).toMatch(/^ADGRAPH_SANDBOX=0 needs credentials/);
  });

  it('a bad configuration stops `npm start` with one line per problem and a non-zero exit', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', PORT: '99999', ADSTAT_PASSWORD: 'hunter2', TONAI_BASE_URL: 'not a url' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toBe('adgraph: invalid configuration, not starting:');
    expect(lines.slice(1)).toEqual([
      '  - PORT: must be a whole number from 0 to 65535 (got 99999)',
      '  - ADSTAT_USERNAME: required when ADSTAT_PASSWORD is set',
      '  - TONAI_BASE_URL: must be an http(s) URL (got "not a url")',
    ]);
    expect(stderr).not.toContain('hunter2');
  });
});
