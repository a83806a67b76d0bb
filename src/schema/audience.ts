/** AdStat phone-number audiences (Uzbekistan cabinets only). */
import type { Audience } from '../domain/model.js';
import { builder } from './builder.js';

export const AudienceRef = builder.objectRef<Audience>('Audience').implement({
  description: 'A phone-number audience of an AdStat cabinet (available only to cabinets with geolocation Uzbekistan).',
  fields: (t) => ({
    telegramId: t.exposeInt('telegramId', { description: 'The audience’s Telegram id: the value advertisement targeting takes.' }),
    title: t.exposeString('title', { description: 'Title.' }),
    accountProviderId: t.exposeString('accountId', { description: 'The cabinet it belongs to.' }),
  }),
});
