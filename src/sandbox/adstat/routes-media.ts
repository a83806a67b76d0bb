/**
 * `POST /api/v1/advertising/telegram/upload_media?account_id=…`: multipart field `media`, streamed.
 * Accepted: the two types the page names, image/jpeg and video/mp4, by the part's declared type and
 * confirmed by magic bytes (JPEG starts FF D8 FF; MP4 has "ftyp" at byte 4). Problems with the file
 * itself are answered 200 with `error` set and `media_token` null, as the response shape suggests.
 * Size limits (the simulator's choice; the page names none): 10 MB for images, 50 MB for videos.
 * Only metadata is kept, never the bytes.
 */
import type { AdstatContext } from './context.js';
import { isMultipart, parseForm } from './multipart.js';
import { QueryReader, detail, validationError } from './validation.js';

const LIMITS = { 'image/jpeg': 10 * 1024 * 1024, 'video/mp4': 50 * 1024 * 1024 } as const;
type Accepted = keyof typeof LIMITS;

function magicMatches(type: Accepted, head: Buffer): boolean {
  if (type === 'image/jpeg') return head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  return head.length >= 8 && head.subarray(4, 8).toString('latin1') === 'ftyp';
}

export function registerMediaRoutes({ router, state, now }: AdstatContext): void {
  router.authed('POST', '/api/v1/advertising/telegram/upload_media', async (req, user) => {
    const q = new QueryReader(req.query);
    const accountId = q.requiredString('account_id');
    if (q.issues.length > 0 || accountId === undefined) return validationError(q.issues);
    const cabinet = state.cabinetOf(user.id, accountId);
    if (!cabinet) return detail(404, 'Account not found');

    let seen = false;
    let declared = '';
    let size = 0;
    let truncated = false;
    const headChunks: Buffer[] = [];
    let headLength = 0;
    const parsed = isMultipart(req.headers)
      ? await parseForm(req.raw, {
          limits: { files: 1, fields: 10, fileSize: LIMITS['video/mp4'] },
          onFile: (part) => {
            if (part.name !== 'media' || seen) {
              part.stream.resume();
              return;
            }
            seen = true;
            declared = part.mimeType.toLowerCase();
            part.stream.on('data', (chunk: Buffer) => {
              size += chunk.length;
              if (headLength < 12) {
                headChunks.push(chunk.subarray(0, 12 - headLength));
                headLength += Math.min(chunk.length, 12 - headLength);
              }
            });
            part.stream.on('limit', () => {
              truncated = true;
            });
          },
        })
      : { ok: true as const };
    if (!parsed.ok) return detail(400, 'There was an error parsing the body');
    if (!seen) return validationError([{ loc: ['body', 'media'], msg: 'Field required', type: 'missing' }]);

    const fail = (error: string) => ({ status: 200, body: { media_token: null, content_type: declared, error } });
    if (!(declared in LIMITS)) return fail('Unsupported media type');
    const type = declared as Accepted;
    if (truncated || size > LIMITS[type]) {
      return fail(type === 'image/jpeg' ? 'File is too large: images may be up to 10 MB' : 'File is too large: videos may be up to 50 MB');
    }
    if (!magicMatches(type, Buffer.concat(headChunks))) return fail(`File content is not ${type}`);

    const token = state.newMediaToken();
    const kind = type === 'image/jpeg' ? 'image' : 'video';
    state.media.set(token, {
      token, userId: user.id, accountId: cabinet.accountId, contentType: type, kind, size,
      url: `https://cdn4.telesco.pe/file/${token}.${kind === 'image' ? 'jpg' : 'mp4'}`, uploadedAt: now(),
    });
    return { status: 200, body: { media_token: token, content_type: type, error: null } };
  });
}
