/** `npm run bench`: every benchmark in this folder, one after the other (arguments go to each). */
import { main as readDashboard } from './read-dashboard.js';

await readDashboard(process.argv.slice(2));
