/** KKTU tree, a cabinet's pixel events, and target-bot validation. */
import type { AdstatContext } from './context.js';
import { QueryReader, detail, validationError } from './validation.js';
import { pixelEventItem } from './wire.js';

/** A Telegram username as such: letters, digits and underscores (no `t.me/`, no `@`). */
const BARE_USERNAME = /^[A-Za-z0-9_]+$/;

export function registerCatalogRoutes({ router, state }: AdstatContext): void {
  const kktu = state.kktu.toWire(); // static catalogue, built once
  router.authed('GET', '/api/kktu', () => ({ status: 200, body: kktu }));

  router.authed('GET', '/api/pixel_events', (req, user) => {
    const q = new QueryReader(req.query);
    const accountId = q.requiredString('account_id');
    if (q.issues.length > 0 || accountId === undefined) return validationError(q.issues);
    const cabinet = state.cabinetOf(user.id, accountId);
    if (!cabinet) return detail(404, 'Account not found');
    return { status: 200, body: { items: state.pixelEventsOf(cabinet.accountId).map((e) => pixelEventItem(state, e)) } };
  });

  router.authed('GET', '/api/advertisement/bots/validate', (req, user) => {
    const q = new QueryReader(req.query);
    const accountId = q.requiredString('account_id');
    const names = q.list('bots'); // repeated, as documented: `bots=bot_1&bots=bot_2`
    if (names.length === 0) q.issues.push({ loc: ['query', 'bots'], msg: 'Field required', type: 'missing' });
    if (q.issues.length > 0 || accountId === undefined) return validationError(q.issues);
    if (!state.cabinetOf(user.id, accountId)) return detail(404, 'Account not found');
    const bots: Array<Record<string, unknown>> = [];
    const errors: Array<Record<string, unknown>> = [];
    for (const name of names) {
      // The page asks by bare username (`bots=bot_1`): a link or `@name` is looked up as a username
      // and so found by no bot, as a service that takes usernames would answer.
      const bot = BARE_USERNAME.test(name) ? state.findBot(name) : undefined;
      // `url` in an error echoes the name as sent, like the page's example ("bot_3").
      if (!bot) {
        // Code and text for an unknown bot are the simulator's choice; the page shows only the daily-users error.
        errors.push({ code: 'advertisement__target_bot_not_found', detail: 'Advertisement: Target bot not found', url: name });
      } else if (bot.dailyUsers < 1000) {
        errors.push({ code: 'advertisement__target_bot_daily_users_limit_error', detail: 'Advertisement: Target bot must have 1000+ daily users', url: name });
      } else {
        bots.push({ id: bot.id, title: bot.title, url: `t.me/${bot.username}`, photo_url: bot.photoUrl });
      }
    }
    return { status: 200, body: { bots, errors } };
  });
}
