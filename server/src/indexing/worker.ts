// The index worker's script when buildEntries runs from source (tests and bench under tsx); the
// bundles run themselves instead (see build.ts).
import { runIndexWorker } from './build';

runIndexWorker();
