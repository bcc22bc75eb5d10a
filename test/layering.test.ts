import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli';

/** Lints a would-be source file at `filePath` and returns the rules it breaks. */
async function violations(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layering rules of DESIGN.md are a build error', () => {
  it.each([
    [
      'main/checks/x.ts',
      "import { GraphGateway } from '../graph/gateway';\nexport const x = GraphGateway;\n",
      /main\/checks may import only: shared/,
    ],
    [
      'main/checks/x.ts',
      "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n",
      /pure/,
    ],
    [
      'main/auth/x.ts',
      "import { startSimulator } from '../sim/server';\nexport const x = startSimulator;\n",
      /main\/auth may import only: shared/,
    ],
    [
      'main/graph/x.ts',
      "import { AppOnlySignIn } from '../auth/app-only';\nexport const x = AppOnlySignIn;\n",
      /main\/graph may import only/,
    ],
    [
      'main/collect/x.ts',
      "import { CHECKS } from '../checks/catalog';\nexport const x = CHECKS;\n",
      /main\/collect may import only: shared, main\/graph, main\/dns/,
    ],
    [
      'shared/x.ts',
      "import { CHECKS } from '../main/checks/catalog';\nexport const x = CHECKS;\n",
      /shared\/ is pure/,
    ],
    [
      'shared/x.ts',
      "import { join } from 'node:path';\nexport const x = join;\n",
      /shared\/ is pure/,
    ],
    [
      'renderer/x.ts',
      "import { CHECKS } from '../main/checks/catalog';\nexport const x = CHECKS;\n",
      /renderer\/ talks to main only/,
    ],
    [
      'main/engine/x.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
      /Only main\/app\/ imports electron/,
    ],
    [
      'main/sim/x.ts',
      "import { runScan } from '../engine/scan';\nexport const x = runScan;\n",
      /main\/sim may import only: shared/,
    ],
  ])('%s: %s is rejected', async (file, code, message) => {
    const found = await violations(file, code);
    expect(found.join('\n')).toMatch(message);
  });

  it.each([
    [
      'main/engine/x.ts',
      "import { CHECKS } from '../checks/catalog';\nimport { GraphGateway } from '../graph/gateway';\nexport const x = [CHECKS, GraphGateway];\n",
    ],
    [
      'main/collect/x.ts',
      "import { GraphGateway } from '../graph/gateway';\nexport const x = GraphGateway;\n",
    ],
    ['main/app/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'main/checks/x.ts',
      "import { SOURCES } from '../../shared/models/sources';\nexport const x = SOURCES;\n",
    ],
  ])('%s: an allowed import passes', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});
