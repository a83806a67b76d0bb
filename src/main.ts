/**
 * `npm start`: validate configuration, start adgraph, stop gracefully on SIGINT/SIGTERM (stop
 * accepting, let requests in flight finish within ADGRAPH_SHUTDOWN_GRACE_MS, close connections,
 * the providers and the simulators). A second signal exits at once.
 */
import { describeStart, startAdgraph } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { log, setLogLevel } from './log.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write('adgraph: invalid configuration, not starting:\n');
      for (const problem of error.problems) process.stderr.write(`  - ${problem}\n`);
      process.exit(2);
    }
    throw error;
  }
  setLogLevel(config.logLevel);
  let app;
  try {
    app = await startAdgraph(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write('adgraph: not starting:\n');
      for (const problem of error.problems) process.stderr.write(`  - ${problem}\n`);
      process.exit(2);
    }
    throw error;
  }
  describeStart(app);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log.warn('second signal: exiting without waiting', { signal });
      process.exit(1);
    }
    stopping = true;
    log.info('stopping: finishing requests in flight', { signal, graceMs: config.shutdownGraceMs });
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') log.error(`cannot listen: port already in use (${err.message})`);
  else log.error('failed to start', { error: err.message });
  process.exit(1);
});
