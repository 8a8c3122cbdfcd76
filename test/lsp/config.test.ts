import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { DiagnosticSeverity, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { makeWorkspace, uriOf, withServer, type StartOptions } from './client';

const POST = '\n---\nlayout: post\ntitle: "商务部：提升传统消费能级"\n---\n\n<p>正文。</p>\n';
const positionOf = (diagnostics: Diagnostic[]) => diagnostics.find((d) => d.code === 'front-matter-position');
const CONFIG = '.policydocrc.json';

test('a broken .policydocrc.json gets a diagnostic on the file, the defaults keep working, and fixing it re-validates', async () => {
  const root = makeWorkspace({ [CONFIG]: '{\n  "rules": {\n    "front-matter-position": "error",\n' });
  const configUri = uriOf(root, CONFIG);
  await withServer({ root }, async (server) => {
    const published = await server.nextDiagnostics(configUri);
    assert.ok(published.diagnostics.length > 0);
    assert.ok(published.diagnostics.every((d) => d.severity === DiagnosticSeverity.Error && d.source === 'policydoc'));

    const uri = uriOf(root, 'post.md');
    const opened = await server.open(uri, POST);
    assert.equal(positionOf(opened.diagnostics)?.severity, DiagnosticSeverity.Warning, 'default severity while the config is broken');

    fs.writeFileSync(path.join(root, CONFIG), '{\n  "rules": { "front-matter-position": "error" }\n}\n');
    const cleared = server.nextDiagnostics(configUri);
    const revalidated = server.nextDiagnostics(uri);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: FileChangeType.Changed }] });
    assert.deepEqual((await cleared).diagnostics, []);
    assert.equal(positionOf((await revalidated).diagnostics)?.severity, DiagnosticSeverity.Error, 'the fixed config applies to open documents');

    fs.rmSync(path.join(root, CONFIG));
    const back = server.nextDiagnostics(uri);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: FileChangeType.Deleted }] });
    assert.equal(positionOf((await back).diagnostics)?.severity, DiagnosticSeverity.Warning, 'defaults again once the config is gone');
  });
});

test('config problems point at the offending key, in the client\'s language', async () => {
  const root = makeWorkspace({ [CONFIG]: '{\n  "rules": {\n    "no-such-rule": "error"\n  }\n}\n' });
  await withServer({ root, locale: 'zh-cn' }, async (server) => {
    const { diagnostics } = await server.nextDiagnostics(uriOf(root, CONFIG));
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(diagnostics[0].range.start, { line: 2, character: 4 });
    assert.match(String(diagnostics[0].message), /no-such-rule/);
    assert.match(String(diagnostics[0].message), /[\u4e00-\u9fff]/);
  });
});

test('excluded files get no diagnostics; overrides force a profile', async () => {
  const root = makeWorkspace({
    [CONFIG]: JSON.stringify({ exclude: ['drafts/**'], overrides: [{ files: 'forced/**', profile: 'markdown' }] }),
  });
  await withServer({ root }, async (server) => {
    assert.deepEqual((await server.nextDiagnostics(uriOf(root, CONFIG))).diagnostics, []);
    assert.deepEqual((await server.open(uriOf(root, 'drafts/post.md'), POST)).diagnostics, []);
    assert.ok(positionOf((await server.open(uriOf(root, 'post.md'), POST)).diagnostics));
    await server.open(uriOf(root, 'forced/post.md'), POST);
    assert.deepEqual(await server.connection.sendRequest('policydoc/documentInfo', { uri: uriOf(root, 'forced/post.md') }), { profile: 'markdown', profileForced: true });
    assert.deepEqual(await server.connection.sendRequest('policydoc/documentInfo', { uri: uriOf(root, 'post.md') }), { profile: 'jekyll', profileForced: false });
  });
});

test('editor settings (policydoc.rules) apply over the project config and are re-read on didChangeConfiguration', async () => {
  const root = makeWorkspace({ [CONFIG]: '{ "rules": { "front-matter-position": "error" } }' });
  const options: StartOptions = { root, settings: { rules: { 'front-matter-position': 'off' } } };
  await withServer(options, async (server) => {
    const uri = uriOf(root, 'post.md');
    assert.equal(positionOf((await server.open(uri, POST)).diagnostics), undefined);

    options.settings = { rules: { 'front-matter-position': 'hint', 'no-such-rule': 'error' } };
    const revalidated = server.nextDiagnostics(uri);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal(positionOf((await revalidated).diagnostics)?.severity, DiagnosticSeverity.Hint);
    assert.ok(server.logs.some((log) => log.includes('no-such-rule')), 'a bad editor setting is reported in the log');

    options.settings = { rules: { 'front-matter-position': 'loud' } };
    const again = server.nextDiagnostics(uri);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal(positionOf((await again).diagnostics)?.severity, DiagnosticSeverity.Error, 'an invalid severity is dropped; the project config applies');
  });
});
