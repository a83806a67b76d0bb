/**
 * AdStat's documented rules for writes, in one place, so adgraph can check input before anything
 * is sent. Where the docs are silent the choice is marked.
 */

/** A channel invite link (t.me/+…, t.me/joinchat/…): `ad_object` is then required (update of 21.05.2026). */
export function isChannelInviteLink(url: string): boolean {
  return /^(https?:\/\/)?(www\.)?(t|telegram)\.me\/(\+|joinchat\/)[\w-]+/i.test(url.trim());
}

/** A public Telegram link (t.me/name), as `ad_object` must be. */
export function isPublicTelegramLink(url: string): boolean {
  return /^(https?:\/\/)?(www\.)?(t|telegram)\.me\/[A-Za-z][\w]{3,}\/?$/i.test(url.trim());
}

/**
 * AdStat ids (advertisements, campaigns) are positive whole numbers, written in decimal. CHOICE (the
 * docs give ids only as "Number"; the details example's `"ad_id": 0` is a placeholder): zero,
 * negatives, signs, leading zeros, fractions and exponents name nothing, so they are refused before
 * any call instead of being sent to AdStat to be not found.
 */
export function parseAdstatId(text: string): number | null {
  if (!/^[1-9]\d*$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

/**
 * A Telegram username (what bots/validate takes: `bots=bot_1`) from the forms people write a bot in:
 * `bot_1`, `@bot_1`, `t.me/bot_1`, `https://t.me/bot_1` (also telegram.me, www., a trailing slash or
 * a `?start=` deep link). Null when the value names no username at all. CHOICE (the docs show only
 * examples): Telegram's own rule, 5–32 letters, digits and underscores, starting with a letter.
 */
export function botUsername(value: string): string | null {
  const bare = value
    .trim()
    .replace(/^(https?:\/\/)?(www\.)?(t|telegram)\.me\//i, '')
    .replace(/^@/, '')
    .replace(/\/?(\?.*)?$/, '');
  return /^[A-Za-z][A-Za-z0-9_]{4,31}$/.test(bare) ? bare : null;
}

/** Currencies AdStat names (create: EUR; statistics: EUR, TON, USD, RUB, USDT, STAR). */
export const CURRENCIES = ['EUR', 'TON', 'USD', 'RUB', 'USDT', 'STAR'] as const;

/** Target bots need 1000+ daily users: AdStat checks that, adgraph asks it before creating. */
export const BOT_DAILY_USERS_ERROR = 'advertisement__target_bot_daily_users_limit_error';

/** KKTU: ids from the third level only, and only one per advertisement. */
export const KKTU_LEVEL = 3;
export const KKTU_MAX_IDS = 1;
/** Cabinet modes with automatic labelling require a KKTU id (the page: "cannot be created without"). */
export function requiresKktu(mode: string | null): boolean {
  return mode !== null && /auto/i.test(mode);
}

/** Schedule time zones: whole seconds east of UTC, within the real range of zones (−12 h … +14 h). */
export const TIMEZONE_OFFSET_RANGE = { min: -12 * 3600, max: 14 * 3600 } as const;

/**
 * Media upload: the page names image/jpeg and video/mp4. Size limits are not published: adgraph
 * refuses images over 10 MB and videos over 50 MB before sending (CHOICE, change here).
 */
export const MEDIA_TYPES: Record<string, { maxBytes: number; magic: (head: Buffer) => boolean }> = {
  'image/jpeg': { maxBytes: 10 * 1024 * 1024, magic: (h) => h.length >= 3 && h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  'video/mp4': { maxBytes: 50 * 1024 * 1024, magic: (h) => h.length >= 8 && h.subarray(4, 8).toString('latin1') === 'ftyp' },
};
export const MEDIA_MAX_BYTES = Math.max(...Object.values(MEDIA_TYPES).map((t) => t.maxBytes));

/**
 * Audience files: CSV or TXT up to 10 MB, numbers or SHA-256 hashes separated by commas or line
 * breaks, digits only in international format starting with 998 (Uzbekistan), at least 1,000.
 * Uzbek numbers are 998 + 9 digits (CHOICE: the page says "start with 998", we also check length).
 */
export const AUDIENCE = {
  maxBytes: 10 * 1024 * 1024,
  minEntries: 1000,
  extensions: ['.csv', '.txt'],
  phone: /^998\d{9}$/,
  sha256: /^[0-9a-fA-F]{64}$/,
} as const;

/** AdStat's names (in `cannot_edit_fields`) of the fields an edit may change, by domain name. */
const EDIT_FIELD_NAMES: Record<string, string> = {
  title: 'title',
  text: 'text',
  promoteUrl: 'promote_url',
  cpm: 'cpm',
  erid: 'other_info',
  mediaToken: 'media_token',
  websiteName: 'website_name',
  viewsPerUser: 'views_per_user',
  showPicture: 'show_picture',
  promoteUrlPictureId: 'promote_url_picture_id',
  buttonType: 'button_type',
  dailyBudget: 'daily_budget',
  afterModerationStatus: 'after_moderation_status',
  startDate: 'start_date',
  endDate: 'end_date',
  schedule: 'schedule',
  kktuIds: 'kktu_ids',
  tgEventId: 'tg_event_id',
};

/** Which of the changed fields (domain names) the advertisement no longer lets edit. */
export function nonEditableChanges(changed: string[], cannotEdit: string[]): string[] {
  const locked = new Set(cannotEdit);
  return changed.filter((field) => locked.has(EDIT_FIELD_NAMES[field] ?? field));
}
