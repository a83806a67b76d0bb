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

export const schema = builder.toSchema({ sortSchema: false });
