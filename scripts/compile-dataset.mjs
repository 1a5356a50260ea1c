// The build's last step: the embedded dataset, parsed and validated once, as dist/data/eurasia.json
// (see src/io/dataset-snapshot.ts). Run after tsc, from the package root.
import { writeSnapshot } from '../dist/io/dataset-snapshot.js';
import { DEFAULT_NETWORK } from '../dist/io/network-file.js';

writeSnapshot(DEFAULT_NETWORK, 'data/eurasia/network.yaml');
