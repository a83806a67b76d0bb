/** `npm run bench`: every benchmark in this folder, one after the other (arguments go to each). */
import { main as abuse } from './abuse.js';
import { main as readDashboard } from './read-dashboard.js';

await readDashboard(process.argv.slice(2));
await abuse(process.argv.slice(2));
