/** The schema: each module defines its types beside the queries and mutations that return them. */
import { builder } from './builder.js';
import './scalars.js';
import './environment.js';
import './account.js';
import './advertisement.js';
import './campaign.js';
import './kktu.js';
import './pixel-event.js';
import './audience.js';
import './account-links.js';
import './mutation-errors.js';
import './advertisement-mutations.js';
import './campaign-mutations.js';
import './media.js';
import './node.js';

import { guardEntityRepresentations } from './federation.js';

/** The executable schema: an Apollo Federation v2 subgraph (adds `_service` and `_entities`). */
export const schema = guardEntityRepresentations(builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6', sortSchema: false }));
