/**
 * Streaming form parsing with busboy: fields arrive as strings, files as streams the caller reads
 * chunk by chunk, so an upload is never held in memory whole.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';

export interface FilePart {
  name: string;
  stream: Readable;
  filename: string | undefined;
  mimeType: string;
}

export interface FormOptions {
  limits?: busboy.Limits;
  onField?: (name: string, value: string) => void;
  /** The handler must read or `resume()` the stream, or parsing stalls. Files without a handler are drained. */
  onFile?: (part: FilePart) => void;
}

export type FormResult = { ok: true } | { ok: false; error: string };

export function mediaType(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isMultipart(headers: IncomingHttpHeaders): boolean {
  return mediaType(headers) === 'multipart/form-data';
}

export function isForm(headers: IncomingHttpHeaders): boolean {
  return isMultipart(headers) || mediaType(headers) === 'application/x-www-form-urlencoded';
}

/** Parses a multipart or url-encoded body; resolves once every part has been read. */
export function parseForm(req: IncomingMessage, options: FormOptions): Promise<FormResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: FormResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: options.limits });
    } catch (error) {
      req.resume();
      finish({ ok: false, error: (error as Error).message });
      return;
    }
    parser.on('field', (name, value) => options.onField?.(name, value));
    parser.on('file', (name, stream, info) => {
      if (options.onFile) options.onFile({ name, stream, filename: info.filename, mimeType: info.mimeType });
      else stream.resume();
    });
    parser.on('close', () => finish({ ok: true }));
    parser.on('error', (error: Error) => {
      req.unpipe(parser);
      req.resume(); // drain what is left so the answer can still be sent on this connection
      finish({ ok: false, error: error.message });
    });
    req.on('error', (error) => finish({ ok: false, error: error.message }));
    req.on('close', () => {
      if (!req.complete) finish({ ok: false, error: 'request aborted' });
    });
    req.pipe(parser);
  });
}
