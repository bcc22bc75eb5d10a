import { join } from 'node:path';

/**
 * Files that ship beside the command line. The bundle lives in `out/cli/` and the sources in
 * `main/cli/`: both are two folders below the project root.
 */
export const PROJECT_ROOT = join(__dirname, '..', '..');
export const DEMO_FIXTURE_PATH = join(PROJECT_ROOT, 'assets', 'demo', 'contoso-dental.json');
export const RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer');
