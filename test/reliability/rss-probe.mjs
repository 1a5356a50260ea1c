// Loaded with `node --import` by the reliability tests: writes the process's peak resident memory
// (kB, getrusage's ru_maxrss, worker threads included) to $CARAVAN_RSS_FILE when the process exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.CARAVAN_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
