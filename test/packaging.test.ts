import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};

interface BuilderConfig {
  npmRebuild: boolean;
  asar: boolean;
  electronFuses: Record<string, boolean>;
  files: string[];
  extraResources: { from: string; to: string }[];
  win: { target: { target: string }[] };
  mac: {
    target: { target: string }[];
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
  };
  linux: { target: string[] };
  directories: { buildResources: string };
}

const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(
      validateConfiguration(config, { add() {}, isEnabled: false }),
    ).resolves.toBeUndefined();
  });

  it('flips the security fuses and never rebuilds native modules', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
  });

  it('builds NSIS, a hardened DMG, AppImage and deb', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('ships the resources it names: entitlements (JIT only), the icon and the demo tenant', () => {
    const entitlements = readFileSync(join(ROOT, config.mac.entitlements), 'utf8');
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
    expect([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual([
      'com.apple.security.cs.allow-jit',
    ]);
    for (const resource of config.extraResources) {
      expect(existsSync(join(ROOT, resource.from)), resource.from).toBe(true);
    }
    const icon = readFileSync(join(ROOT, config.directories.buildResources, 'icon.png'));
    expect(icon.subarray(1, 4).toString('ascii')).toBe('PNG');
    const width = icon.readUInt32BE(16);
    const height = icon.readUInt32BE(20);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
    expect(icon[25]).toBe(6); // RGBA
  });

  it('packages only the built app, without source maps', () => {
    expect(config.files).toEqual([
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'package.json',
      '!**/*.map',
    ]);
  });
});
