// Editors (used by lsp-*.test.ts): the real ESLint language server (vscode-eslint-language-server, from
// vscode-langservers-extracted, as VS Code and other editors run it), driven over stdio LSP in
// each consumer project: diagnostics with the rule id and doc link, the autofix and every
// suggestion offered as code actions, and the edits the server sends back when they are run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import {
  type Consumer,
  type LintResult,
  activeFixtures,
  builtPlugin,
  consumerFile,
  eslint,
  findingsUnder,
  repoRoot,
} from './harness';
import { LspClient } from './lsp-client';

const { consumers } = inject('integration');
const fixtures = activeFixtures();
const plugin = builtPlugin();
const serverBin = path.join(
  repoRoot,
  'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server',
);

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
}
interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  command?: { title: string; command: string; arguments?: unknown[] };
}
interface ApplyWorkspaceEditParams {
  edit: {
    documentChanges?: Array<{
      textDocument: { uri: string; version: number | null };
      edits: TextEdit[];
    }>;
    changes?: Record<string, TextEdit[]>;
  };
}

/** The settings VS Code's ESLint extension sends (see the ecosystem notes), for one workspace folder. */
function settingsFor(consumer: Consumer): Record<string, unknown> {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'location' },
    workspaceFolder: { name: consumer.id, uri: pathToFileURL(consumer.dir).href },
  };
}

function offsetAt(text: string, position: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset += lines[line]!.length + 1;
  return offset + position.character;
}

/** Applies LSP text edits (non-overlapping, as the server sends them) to a text. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((edit) => ({
      start: offsetAt(text, edit.range.start),
      end: offsetAt(text, edit.range.end),
      text: edit.newText,
    }))
    .sort((a, b) => b.start - a.start);
  return sorted.reduce(
    (result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end),
    text,
  );
}

/** Applies an ESLint fix ({range: [start, end], text}) from `--format json`. */
function applyFix(text: string, fix: { range: [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/**
 * The language-server tests for one consumer project. Its tests run one after another: the server
 * keeps one table of pending code-action edits, which concurrent requests would overwrite. Each
 * consumer gets its own test file (lsp-*.test.ts), so consumers run in parallel.
 */
export function describeLanguageServer(consumerId: string): void {
  const consumer = consumers.find((candidate) => candidate.id === consumerId);
  if (!consumer)
    throw new Error(
      `no consumer ${consumerId}: ${consumers.map((candidate) => candidate.id).join(', ')}`,
    );
  describe(`${consumer.id}: ESLint language server`, () => defineTests(consumer));
}

function defineTests(consumer: Consumer): void {
  let client: LspClient;
  const appliedEdits: ApplyWorkspaceEditParams[] = [];
  let cli: LintResult[];

  beforeAll(async () => {
    // What the CLI says about the same files, to compare the editor's edits with.
    const cliRun = eslint(consumer, [
      '--format',
      'json',
      ...fixtures.map((fixture) => consumerFile(consumer, fixture.rule)),
    ]);
    client = new LspClient(process.execPath, [serverBin, '--stdio'], consumer.dir);
    client.onRequest('workspace/configuration', (params) =>
      (params as { items: unknown[] }).items.map(() => settingsFor(consumer)),
    );
    client.onRequest('workspace/applyEdit', (params) => {
      appliedEdits.push(params as ApplyWorkspaceEditParams);
      return { applied: true };
    });
    client.onRequest('client/registerCapability', () => null);
    client.onRequest('window/workDoneProgress/create', () => null);
    client.onRequest('eslint/openDoc', () => ({}));
    // The server asks these when it cannot find ESLint or a config, or cannot lint a file: an
    // editor shows a message and the server goes on. The tests answer, then assert none came.
    for (const method of ['eslint/noLibrary', 'eslint/noConfig', 'eslint/probeFailed']) {
      client.onRequest(method, () => ({}));
    }
    const rootUri = pathToFileURL(consumer.dir).href;
    const initialized = await client.request<{ capabilities: Record<string, unknown> }>(
      'initialize',
      {
        processId: process.pid,
        clientInfo: { name: 'eslint-plugin-http-status integration test' },
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: consumer.id }],
        capabilities: {
          workspace: {
            configuration: true,
            applyEdit: true,
            workspaceEdit: { documentChanges: true },
            workspaceFolders: true,
          },
          textDocument: {
            synchronization: { didSave: true },
            diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
            codeAction: {
              codeActionLiteralSupport: {
                codeActionKind: {
                  valueSet: [
                    '',
                    'quickfix',
                    'refactor',
                    'source',
                    'source.fixAll',
                    'source.fixAll.eslint',
                  ],
                },
              },
              isPreferredSupport: true,
            },
          },
        },
      },
    );
    expect(initialized.capabilities).toMatchObject({
      diagnosticProvider: { identifier: 'eslint' },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.eslint'] },
      executeCommandProvider: {
        commands: expect.arrayContaining(['eslint.applySingleFix', 'eslint.applySuggestion']),
      },
    });
    client.notify('initialized', {});
    const result = await cliRun;
    cli = JSON.parse(result.stdout) as LintResult[];
  });

  afterAll(async () => {
    await client?.close();
  });

  /** The server found ESLint and the config, and reported a successful validation of the document. */
  function expectHealthy(uri: string): void {
    const complaints = client.received.filter((message) =>
      ['eslint/noLibrary', 'eslint/noConfig', 'eslint/probeFailed'].includes(message.method ?? ''),
    );
    expect(complaints, client.stderr).toEqual([]);
    const statuses = client.received.filter(
      (message) =>
        message.method === 'eslint/status' && (message.params as { uri?: string }).uri === uri,
    );
    expect(
      (statuses.at(-1)?.params as { state?: number } | undefined)?.state,
      'eslint/status is ok (1)',
    ).toBe(1);
  }

  async function open(
    name: string,
  ): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }> {
    const file = path.join(consumer.dir, consumerFile(consumer, name));
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    client.notify('textDocument/didOpen', {
      textDocument: {
        uri,
        languageId: consumer.ext === '.ts' ? 'typescript' : 'javascript',
        version: 1,
        text,
      },
    });
    const report = await client.request<{ kind: string; items: Diagnostic[] }>(
      'textDocument/diagnostic',
      {
        textDocument: { uri },
      },
    );
    expect(report.kind).toBe('full');
    expectHealthy(uri);
    return { uri, text, diagnostics: report.items };
  }

  it('pulls no diagnostics for correct code', async () => {
    const { diagnostics } = await open('clean');
    expect(diagnostics).toEqual([]);
  });

  it('really lints: an unsaved buffer with a syntax error gets a parsing error', async () => {
    const uri = pathToFileURL(path.join(consumer.dir, `src/unsaved${consumer.ext}`)).href;
    client.notify('textDocument/didOpen', {
      textDocument: {
        uri,
        languageId: consumer.ext === '.ts' ? 'typescript' : 'javascript',
        version: 1,
        text: 'const = 1;\n',
      },
    });
    const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    expectHealthy(uri);
    expect(report.items).toHaveLength(1);
    expect(report.items[0]!.message).toMatch(/^Parsing error/);
  });

  for (const fixture of fixtures) {
    it(`${fixture.rule}: diagnostics carry the rule id and doc link; fixes and suggestions are offered and applied`, async () => {
      const expected = findingsUnder(fixture, consumer.configName);
      const { uri, text, diagnostics } = await open(fixture.rule);
      const file = cli.find(
        (entry) => entry.filePath === path.join(consumer.dir, consumerFile(consumer, fixture.rule)),
      )!;

      expect(
        diagnostics.map((diagnostic) => ({
          code: diagnostic.code,
          href: diagnostic.codeDescription?.href,
          source: diagnostic.source,
          severity: diagnostic.severity,
          message: diagnostic.message,
          range: diagnostic.range,
        })),
      ).toEqual(
        expected.map((finding) => ({
          code: finding.ruleId,
          href: plugin.rules[finding.ruleId.slice(`${plugin.meta.namespace}/`.length)]!.meta.docs!
            .url,
          source: 'eslint',
          severity: 1,
          message: finding.message,
          range: {
            start: { line: finding.line - 1, character: finding.column - 1 },
            end: { line: finding.endLine - 1, character: finding.endColumn - 1 },
          },
        })),
      );

      for (const [index, diagnostic] of diagnostics.entries()) {
        const finding = expected[index]!;
        const cliMessage = file.messages[index]!;
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic], only: ['quickfix'], triggerKind: 1 },
        });
        const titles = actions.map((action) => action.title);
        const fixTitle = `Fix this ${finding.ruleId} problem`;
        const suggestionTitles = finding.suggestions.map((desc) => `${desc} (${finding.ruleId})`);
        if (finding.fix) expect(titles).toContain(fixTitle);
        else expect(titles).not.toContain(fixTitle);
        expect(titles.filter((title) => suggestionTitles.includes(title))).toEqual(
          suggestionTitles,
        );
        expect(titles).toContain(`Disable ${finding.ruleId} for this line`);
        expect(titles).toContain(`Show documentation for ${finding.ruleId}`);

        // Run each: the server answers with workspace/applyEdit; its edit must do what the CLI's fix does.
        const run = async (title: string): Promise<string> => {
          const action = actions.find((candidate) => candidate.title === title)!;
          expect(action.diagnostics?.[0]?.code).toBe(finding.ruleId);
          const before = appliedEdits.length;
          await client.request('workspace/executeCommand', {
            command: action.command!.command,
            arguments: action.command!.arguments,
          });
          expect(appliedEdits.length).toBe(before + 1);
          const { edit } = appliedEdits[before]!;
          const changes =
            edit.documentChanges ??
            Object.entries(edit.changes ?? {}).map(([u, edits]) => ({
              textDocument: { uri: u, version: null },
              edits,
            }));
          expect(changes.map((change) => change.textDocument.uri)).toEqual([uri]);
          return applyEdits(text, changes[0]!.edits);
        };
        if (finding.fix) {
          const action = actions.find((candidate) => candidate.title === fixTitle)!;
          expect(action.command?.command).toBe('eslint.applySingleFix');
          expect(action.isPreferred).toBe(true);
          expect(await run(fixTitle)).toBe(applyFix(text, cliMessage.fix!));
        }
        for (const [sequence, title] of suggestionTitles.entries()) {
          const action = actions.find((candidate) => candidate.title === title)!;
          expect(action.command?.command).toBe('eslint.applySuggestion');
          expect(await run(title)).toBe(applyFix(text, cliMessage.suggestions![sequence]!.fix));
        }

        // "Show documentation" asks the editor to open meta.docs.url.
        const docs = actions.find(
          (candidate) => candidate.title === `Show documentation for ${finding.ruleId}`,
        )!;
        const openDoc = client.waitFor((message) => message.method === 'eslint/openDoc');
        await client.request('workspace/executeCommand', {
          command: docs.command!.command,
          arguments: docs.command!.arguments,
        });
        expect(((await openDoc).params as { url: string }).url).toBe(
          diagnostic.codeDescription?.href,
        );
      }
    });
  }
}
