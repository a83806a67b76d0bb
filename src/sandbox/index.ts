/**
 * Sandbox mode: both simulators on loopback ephemeral ports with their seeded data, and the
 * credentials that log into them. Only `npm start` without credentials (or ADGRAPH_SANDBOX=1) and
 * the tests start it; production mode never does.
 */
import type { AdstatLogin, TonaiKey } from '../config.js';
import { ADSTAT_SANDBOX_USERS, AdstatSimulator, type AdstatSimulatorOptions } from './adstat/index.js';
import { TONAI_SANDBOX_KEYS, TonaiSimulator, type TonaiSimulatorOptions } from './tonai/index.js';

export interface Sandbox {
  adstat: AdstatSimulator;
  tonai: TonaiSimulator;
  adstatUrl: string;
  tonaiUrl: string;
  /** Logins and keys that the simulators accept. */
  logins: AdstatLogin[];
  keys: TonaiKey[];
  close(): Promise<void>;
}

export interface SandboxOptions {
  adstat?: AdstatSimulatorOptions;
  tonai?: TonaiSimulatorOptions;
  host?: string;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const adstat = new AdstatSimulator(options.adstat);
  const tonai = new TonaiSimulator(options.tonai);
  const [adstatUrl, tonaiUrl] = await Promise.all([adstat.listen(0, host), tonai.listen(0, host)]);
  return {
    adstat,
    tonai,
    adstatUrl,
    tonaiUrl,
    logins: ADSTAT_SANDBOX_USERS.map((u) => ({ id: u.username, label: u.label, username: u.username, password: u.password })),
    keys: TONAI_SANDBOX_KEYS.map((k) => ({ id: k.apiKey.replace(/^sbx-tonai-key-/, ''), label: k.label, apiKey: k.apiKey })),
    close: async () => {
      await Promise.all([adstat.close(), tonai.close()]);
    },
  };
}
