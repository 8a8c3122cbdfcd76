import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeWorkspace, startServer, uriOf, type TestServer } from './client';

/** YAML whose aliases expand to 9^8 strings if anything expands them. */
function aliasBomb(): string {
  const names = 'abcdefghi'.split('');
  const lines = names.map((name, i) => (i === 0 ? `${name}: &${name} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` : `${name}: &${name} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`));
  return `---\ntitle: bomb\n${lines.join('\n')}\n---\n\nbody\n`;
}

describe('bad input never takes the server down', () => {
  let server: TestServer;
  let root: string;
  before(async () => {
    root = makeWorkspace();
    server = await startServer({ root, settings: { validate: { debounceMs: 0 } } });
  });
  after(async () => {
    await server.stop();
  });

  /** The server answers a request after each bad document: it neither crashed nor hangs. */
  async function stillAnswers(uri: string): Promise<void> {
    const info = await server.connection.sendRequest('policydoc/documentInfo', { uri });
    assert.equal(typeof (info as { profile: unknown }).profile, 'string');
  }

  const inputs: [string, () => string][] = [
    ['binary text with NUL bytes', () => '\0\x01\x02PNG\0\0---\ntitle: x\n---\n'.repeat(100)],
    ['a 5 MB front matter', () => `---\n${'key: value value value value value value value\n'.repeat(110_000)}---\nbody\n`],
    ['a 5 MB body', () => `---\ntitle: big\n---\n${'<p>　　正文，正文（一）国家发改委〔2020〕68号。</p>\n'.repeat(120_000)}`],
    ['a YAML alias bomb', aliasBomb],
    ['an empty file', () => ''],
    ['a half-typed key with tabs, CRLF and a BOM', () => '\ufeff---\r\nti\r\n\tcat: [\r\n---\r\n'],
    ['an unclosed front matter', () => '---\ntitle: "unclosed\n'],
  ];
  for (const [what, make] of inputs) {
    test(what, async () => {
      const uri = uriOf(root, `bad-${what.replace(/\W+/g, '-')}.md`);
      const published = await server.open(uri, make());
      assert.ok(Array.isArray(published.diagnostics));
      await stillAnswers(uri);
      const cleared = server.nextDiagnostics(uri);
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      assert.deepEqual((await cleared).diagnostics, []);
    });
  }

  test('requests about unknown documents get empty answers', async () => {
    const uri = uriOf(root, 'unknown.md');
    assert.equal(await server.connection.sendRequest('policydoc/documentInfo', { uri }), null);
    assert.deepEqual(await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
  });
});

test('shutdown then exit ends the process with code 0', async () => {
  const server = await startServer({ root: makeWorkspace() });
  assert.equal(await server.stop(), 0);
  assert.equal(server.process.exitCode, 0);
});
