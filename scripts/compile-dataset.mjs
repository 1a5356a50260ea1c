// The build's last step: the embedded dataset, parsed and validated once, as dist/data/eurasia.json
// (see src/io/dataset-snapshot.ts), with the loaded network of the default date cached for the code
// version the CLI bundle was built with (dist/bin/code-version.txt, see scripts/bundle-cli.mjs). Run
// after the bundle, from the package root.
//
// The snapshot keeps the daily-quota wait tables this process has made (src/queueing/daily-quota-wait.ts,
// ~20 ms each to make): first those of the default outlook (`caravan outlook`, 2024–2035, whose years
// hold the overview's), made here, then those of the default date's loaded state. A command that reads
// the snapshot then makes none of them again.
import { readFileSync } from 'node:fs';
import { OutlookOptionsSchema, outlookUseCase } from '../dist/app/outlook.js';
import { loadNetwork } from '../dist/model/load.js';
import { DEFAULT_NETWORK } from '../dist/io/network-file.js';
import { writeSnapshot } from '../dist/io/write-dataset-snapshot.js';

const codeVersion = readFileSync('dist/bin/code-version.txt', 'utf8').trim();
const { model } = loadNetwork(readFileSync(DEFAULT_NETWORK, 'utf8'), 'data/eurasia/network.yaml');
await outlookUseCase.run(model, OutlookOptionsSchema.parse({}), {});
writeSnapshot(DEFAULT_NETWORK, 'data/eurasia/network.yaml', { codeVersion });
