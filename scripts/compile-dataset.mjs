// The build's last step: the embedded dataset, parsed and validated once, as dist/data/eurasia.json
// (see src/io/dataset-snapshot.ts), with the loaded network of the default date cached for the code
// version the CLI bundle was built with (dist/bin/code-version.txt, see scripts/bundle-cli.mjs). Run
// after the bundle, from the package root.
import { readFileSync } from 'node:fs';
import { DEFAULT_NETWORK } from '../dist/io/network-file.js';
import { writeSnapshot } from '../dist/io/write-dataset-snapshot.js';

const codeVersion = readFileSync('dist/bin/code-version.txt', 'utf8').trim();
writeSnapshot(DEFAULT_NETWORK, 'data/eurasia/network.yaml', { codeVersion });
