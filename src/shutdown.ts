/**
 * Graceful close of the HTTP server: stop accepting, let requests in flight finish (their answers
 * go out with `Connection: close`), close idle keep-alive connections at once, and after the grace
 * period close whatever is left. Node gives the pieces (server.close, closeIdleConnections,
 * closeAllConnections); what it lacks is closing a kept-alive connection once its last answer is
 * out, which is what `track` adds.
 */
import type { Server, ServerResponse } from 'node:http';

export class GracefulClose {
  private readonly inFlight = new Set<ServerResponse>();
  private closing: Promise<void> | undefined;

  constructor(private readonly server: Server) {}

  /** Called for every request: remembers it until its answer is out. */
  track(res: ServerResponse): void {
    if (this.closing) res.shouldKeepAlive = false;
    this.inFlight.add(res);
    res.once('close', () => {
      this.inFlight.delete(res);
      if (this.closing) this.server.closeIdleConnections();
    });
  }

  close(graceMs: number): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.server.closeAllConnections(), graceMs);
      this.server.close(() => {
        clearTimeout(timer);
        resolve();
      });
      // Answers still to come end their connection; idle connections end now.
      for (const res of this.inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
      this.server.closeIdleConnections();
    });
    return this.closing;
  }
}
