/** AdStat Pixel Tag events: each cabinet has its own set. */
import type { PixelEvent } from '../domain/model.js';
import { builder } from './builder.js';

export const PixelEventRef = builder.objectRef<PixelEvent>('PixelEvent').implement({
  description: 'A Pixel Tag event of an AdStat cabinet; an advertisement may optimize for one (by `tgEventId`).',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'AdStat’s id of the event.' }),
    pixelId: t.exposeString('pixelId', { description: 'Id of the pixel.' }),
    tgEventId: t.exposeString('tgEventId', { description: 'The value an advertisement’s `tgEventId` takes.' }),
    title: t.exposeString('title', { description: 'Title.' }),
    type: t.exposeString('type', { description: 'Event type, e.g. "custom".' }),
    status: t.exposeString('status', { description: 'Status as AdStat reports it, e.g. "active" or "inactive".' }),
    adsCount: t.exposeInt('adsCount', { description: 'How many advertisements use it.' }),
    createdAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was created (UTC).', resolve: (e) => e.createdAt }),
    lastTriggeredAt: t.field({ type: 'DateTime', nullable: true, description: 'When it last fired (UTC); null if never.', resolve: (e) => e.lastTriggeredAt }),
    codeSnippet: t.exposeString('codeSnippet', { nullable: true, description: 'The snippet to put on the website.' }),
    accountProviderId: t.exposeString('accountId', { description: 'The cabinet it belongs to.' }),
  }),
});
