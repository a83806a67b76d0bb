/**
 * Phone-number audiences, for Uzbekistan cabinets only. The upload streams through busboy and is
 * checked as it arrives; a file that breaks a rule creates nothing and the answer is a 400 naming
 * the rule (these status codes and texts are the simulator's choice; the page gives the rules only).
 */
import { StringDecoder } from 'node:string_decoder';
import { AudienceFileScanner } from './audience-file.js';
import type { AdstatContext } from './context.js';
import { isMultipart, parseForm } from './multipart.js';
import type { Cabinet, AdstatUser } from './types.js';
import { detail, validationError, type Issue } from './validation.js';
import type { SimResponse } from '../http.js';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MIN_ENTRIES = 1000;
const UZ_ONLY = 'Audiences are available only for cabinets with geolocation Uzbekistan';

function uzCabinet(state: AdstatContext['state'], user: AdstatUser, accountId: string | undefined): Cabinet | SimResponse {
  const cabinet = state.cabinetOf(user.id, accountId ?? '');
  if (!cabinet) return detail(404, 'Account not found');
  if (cabinet.country !== 'UZ') return detail(403, UZ_ONLY);
  return cabinet;
}

export function registerAudienceRoutes({ router, state, now }: AdstatContext): void {
  router.authed('GET', '/api/advertisement/telegram/:account_id/audiences', (req, user) => {
    const cabinet = uzCabinet(state, user, req.params.account_id);
    if (!('accountId' in cabinet)) return cabinet;
    return {
      status: 200,
      body: state.audiencesOf(cabinet.accountId).map((a) => ({ telegram_id: a.telegramId, title: a.title })),
    };
  });

  router.authed('POST', '/api/advertisement/telegram/:account_id/audiences', async (req, user) => {
    // Rejected before reading: SimServer drains the unread body after the handler returns.
    const cabinet = uzCabinet(state, user, req.params.account_id);
    if (!('accountId' in cabinet)) return cabinet;

    let title: string | undefined;
    let sawFile = false;
    let badName: string | undefined;
    let tooLarge = false;
    const scanner = new AudienceFileScanner();
    const parsed = isMultipart(req.headers)
      ? await parseForm(req.raw, {
          limits: { files: 1, fields: 10, fieldSize: 64 * 1024, fileSize: MAX_FILE_BYTES },
          onField: (name, value) => {
            if (name === 'title') title = value;
          },
          onFile: (part) => {
            if (part.name !== 'audience' || sawFile) {
              part.stream.resume();
              return;
            }
            sawFile = true;
            const filename = part.filename ?? '';
            if (!/\.(csv|txt)$/i.test(filename)) {
              badName = filename;
              part.stream.resume();
              return;
            }
            const decoder = new StringDecoder('utf8');
            part.stream.on('data', (chunk: Buffer) => scanner.push(decoder.write(chunk)));
            part.stream.on('limit', () => {
              tooLarge = true; // busboy truncates the file and discards the rest
            });
            part.stream.on('end', () => {
              scanner.push(decoder.end());
              scanner.end();
            });
          },
        })
      : { ok: true as const };
    if (!parsed.ok) return detail(400, 'There was an error parsing the body');

    const missing: Issue[] = [];
    if (title === undefined) missing.push({ loc: ['body', 'title'], msg: 'Field required', type: 'missing' });
    if (!sawFile) missing.push({ loc: ['body', 'audience'], msg: 'Field required', type: 'missing' });
    if (missing.length > 0) return validationError(missing);
    if (title === undefined || title.trim() === '') return detail(400, 'The audience title must not be empty');
    if (tooLarge) return detail(400, 'The file must not be larger than 10 MB');
    if (badName !== undefined) return detail(400, `The file must be a .csv or .txt file (got "${badName}")`);
    if (scanner.error) return detail(400, scanner.error);
    if (scanner.count < MIN_ENTRIES) {
      return detail(400, `The file must contain at least 1,000 phone numbers (found ${scanner.count})`);
    }
    const audience = { telegramId: state.nextAudienceId++, accountId: cabinet.accountId, title: title.trim(), size: scanner.count, createdAt: now() };
    state.audiences.push(audience);
    return { status: 200, body: { telegram_id: audience.telegramId, title: audience.title } };
  });
}
