#!/usr/bin/env node
// Fails early, naming the package, when a committed lockfile would no longer install:
// 1. a dependency spec in the tree that follows the registry (a dist-tag such as `latest`,
//    or `*`) and is not pinned by an `overrides` entry of that folder's package.json;
// 2. `npm ci --dry-run` refusing the lockfile (run in every folder that has one).
// Needs nothing installed, so `.ci/run` can run it before `npm ci`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folders = ['.', 'bench/packages', 'bench/apps'].filter((folder) =>
  existsSync(path.join(root, folder, 'package-lock.json')),
);
const dependencyKinds = ['dependencies', 'optionalDependencies'];

/** A spec whose meaning changes when something is published: a dist-tag, `*`, `x` or empty. */
export function followsRegistry(spec) {
  const text = spec.trim().replace(/^npm:(@?[^@]+)@/, '');
  if (text === '' || text === '*' || text === 'x' || text === 'X') return true;
  return /^[a-z][\w.-]*$/i.test(text) && !/^v?\d/.test(text);
}

function unpinnedSpecs(folder) {
  const manifest = JSON.parse(readFileSync(path.join(root, folder, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(path.join(root, folder, 'package-lock.json'), 'utf8'));
  const overridden = new Set(Object.keys(manifest.overrides ?? {}));
  const found = [];
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    for (const kind of dependencyKinds) {
      for (const [name, spec] of Object.entries(entry[kind] ?? {})) {
        if (followsRegistry(spec) && !overridden.has(name)) {
          found.push(`${location || '(root)'} asks for ${name}@"${spec}"`);
        }
      }
    }
  }
  return found;
}

function dryRun(folder) {
  try {
    execFileSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: path.join(root, folder),
      stdio: 'pipe',
      encoding: 'utf8',
    });
    return undefined;
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    const invalid = output
      .split('\n')
      .filter((line) => /Invalid|Missing|does not satisfy/.test(line));
    return invalid.length > 0 ? invalid.join('\n') : output.trim().split('\n').slice(-8).join('\n');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false;
  for (const folder of folders) {
    const label = folder === '.' ? 'package-lock.json' : `${folder}/package-lock.json`;
    const unpinned = unpinnedSpecs(folder);
    if (unpinned.length > 0) {
      failed = true;
      console.error(
        `${label}: dependencies that follow the registry; pin each with an exact version in "overrides":\n  ${unpinned.join('\n  ')}`,
      );
    }
    const refusal = process.argv.includes('--no-dry-run') ? undefined : dryRun(folder);
    if (refusal !== undefined) {
      failed = true;
      console.error(
        `${label} no longer installs (npm ci --dry-run in ${folder}):\n${refusal}\nPin the named package in "overrides" of ${folder}/package.json and run npm install --package-lock-only there.`,
      );
    }
    if (unpinned.length === 0 && refusal === undefined) console.log(`${label}: installs as locked`);
  }
  process.exitCode = failed ? 1 : 0;
}
