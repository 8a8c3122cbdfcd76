// The editor sees the findings cap: one information diagnostic at the top of the file, in the client's language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { makeWorkspace, messageOf, uriOf, withServer } from './client';

const FLOOD = `---\nlayout: post\ntitle: "会议"\n---\n${'商务部\0办公厅召开网上例行新闻发布会，介绍有关情况。\n'.repeat(512)}`;

for (const [locale, pattern] of [['en', /control-character 12 more/], ['zh', /control-character 另有 12 个/]] as const) {
  test(`a rule over its cap gives one findings-cap notice at 0:0 (${locale})`, async () => {
    const root = makeWorkspace();
    await withServer({ root, locale }, async (server) => {
      const { diagnostics } = await server.open(uriOf(root, 'flood.md'), FLOOD);
      const notices = diagnostics.filter((d) => d.code === 'findings-cap');
      assert.equal(notices.length, 1);
      assert.equal(notices[0].severity, DiagnosticSeverity.Information);
      assert.deepEqual(notices[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.match(messageOf(notices[0]), pattern);
      assert.equal(diagnostics.filter((d) => d.code === 'control-character').length, 500);
    });
  });
}
