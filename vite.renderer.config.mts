import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The most JavaScript the first screen may load, gzipped. */
const INITIAL_JS_BUDGET = 600 * 1024;

/** Prints the gzipped size of the JavaScript the page loads before any lazy screen, and enforces the budget. */
function initialJsSize(): Plugin {
  return {
    name: 'initial-js-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((item) =>
          item.type === 'chunk' ? [[item.fileName, item]] : [],
        ),
      );
      const initial = new Set<string>();
      const visit = (fileName: string): void => {
        if (initial.has(fileName)) return;
        const chunk = chunks.get(fileName);
        if (!chunk) return;
        initial.add(fileName);
        chunk.imports.forEach(visit);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
      const gzipped = [...initial].reduce(
        (sum, fileName) => sum + gzipSync(chunks.get(fileName)!.code).length,
        0,
      );
      const lazy = [...chunks.keys()].filter((f) => !initial.has(f));
      const lazyGzipped = lazy.reduce((sum, f) => sum + gzipSync(chunks.get(f)!.code).length, 0);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `\nRenderer initial JavaScript: ${kb(gzipped)} gzipped (budget ${kb(INITIAL_JS_BUDGET)}); ` +
          `${lazy.length} lazy chunks, ${kb(lazyGzipped)} gzipped.`,
      );
      if (gzipped > INITIAL_JS_BUDGET) {
        this.error(`Initial renderer JavaScript ${kb(gzipped)} exceeds ${kb(INITIAL_JS_BUDGET)}.`);
      }
    },
  };
}

/** The renderer page on its own: the desktop app and browser mode serve the same files. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), initialJsSize()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    minify: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
  },
});
