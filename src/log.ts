/**
 * The logger every module uses: pino underneath (src/observability/logger.ts), one JSON line per
 * event, the request id on every line of a request, secret-looking fields redacted.
 */
export { captureLogs, log, setLogLevel, type LogFields, type LogLevel } from './observability/logger.js';
