// The workspace features through the real server over stdio, on the fixture collection of real
// documents in three workspace folders (test/fixtures/collection, gold in its EXPECTED.md, written by
// reading the documents): definition, references, citation hover, document links, workspace
// symbols, the Outline, cross-document diagnostics with per-folder severities, the quick fix of a
// mismatched title, Check Workspace on closed files, watchers, and the cache across a restart.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, DocumentLink, DocumentSymbol, Hover, Location, PublishDiagnosticsParams, SymbolInformation } from 'vscode-languageserver-protocol';
import { COLLECTION, COLLECTION_FOLDERS, F } from '../collectionFixture';
import { startServer, type TestServer } from './client';

const SOURCE = COLLECTION;
const FOLDERS = [...COLLECTION_FOLDERS];

/** A writable copy of the collection (watchers and the cache tests change it). */
function copyCollection(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'policydoc-collection-'));
  fs.cpSync(SOURCE, root, { recursive: true });
  return root;
}

const pos = (line: number, column: number) => ({ line: line - 1, character: column - 1 });
const lineOf = (location: { range: { start: { line: number } } }) => location.range.start.line + 1;

async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never: ${what}`);
}

describe('the workspace index over three folders of real documents', () => {
  let root: string;
  let storage: string;
  let server: TestServer;
  const uri = (relative: string) => pathToFileURL(path.join(root, relative)).href;
  const text = (relative: string) => fs.readFileSync(path.join(root, relative), 'utf8');
  const request = <T>(method: string, params: unknown) => server.connection.sendRequest<T>(method, params);
  const relativeOf = (target: string) => FOLDERS.map((folder) => pathToFileURL(path.join(root, folder)).href).reduce((found, folder) => (target.startsWith(`${folder}/`) ? `${path.basename(folder)}/${decodeURIComponent(target.slice(folder.length + 1))}` : found), target);
  const symbols = (query: string) => request<SymbolInformation[]>('workspace/symbol', { query });
  const opened = new Map<string, PublishDiagnosticsParams>();
  async function open(relative: string): Promise<PublishDiagnosticsParams> {
    if (!opened.has(relative)) opened.set(relative, await server.open(uri(relative), text(relative), relative.endsWith('.txt') ? 'plaintext' : 'markdown'));
    return opened.get(relative)!;
  }

  before(async () => {
    root = copyCollection();
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'policydoc-storage-'));
    server = await startServer({ root: path.join(root, FOLDERS[0]), folders: FOLDERS.slice(1).map((folder) => path.join(root, folder)), initializationOptions: { storagePath: storage } });
    // The index is built at start: a closed document's title is found once it is in.
    await eventually('the index holds the typhoon notice', async () => ((await symbols('烟花')).length > 0 ? true : undefined));
  });
  after(async () => {
    await server?.stop();
  });

  test('definition: a 《法律名》 citation in notices/ goes to the law in laws/ (C7, across folders)', async () => {
    await open(F.YUNNAN);
    const found = await request<Location[]>('textDocument/definition', { textDocument: { uri: uri(F.YUNNAN) }, position: pos(271, 100) });
    assert.deepEqual(found.map((location) => relativeOf(location.uri)), [F.NOISE_OLD]);
    assert.equal(lineOf(found[0]), 1, 'at the law\'s title, "# 中华人民共和国环境噪声污染防治法"');
  });

  test('definition: a bare 发文字号 and a 《标题》（发文字号） go to the document carrying that number', async () => {
    await open(F.IIP_LIST);
    const found = await request<Location[]>('textDocument/definition', { textDocument: { uri: uri(F.IIP_LIST) }, position: pos(5, 80) });
    assert.deepEqual(found.map((location) => relativeOf(location.uri)), [F.IIP_CALL]);
  });

  test('references: on the old law\'s title, every citation of it in the three folders', async () => {
    await open(F.NOISE_OLD);
    const found = await request<Location[]>('textDocument/references', { textDocument: { uri: uri(F.NOISE_OLD) }, position: pos(1, 5), context: { includeDeclaration: false } });
    const where = found.map((location) => `${relativeOf(location.uri)}:${lineOf(location)}`).sort();
    assert.deepEqual(where, [`${F.NOISE_2021}:375`, `${F.GD_NOISE}:34`, `${F.AUTOMON}:37`, `${F.AUTOMON}:95`, `${F.YUNNAN}:271`].sort());
  });

  test('hover on a citation: the cited law, repealed by the 2021 law from 2022-06-05, and its file', async () => {
    await open(F.YUNNAN);
    const hover = await request<Hover | null>('textDocument/hover', { textDocument: { uri: uri(F.YUNNAN) }, position: pos(271, 100) });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /中华人民共和国环境噪声污染防治法/);
    assert.match(value, /Repealed/);
    assert.match(value, /2022-06-05/);
    assert.match(value, /噪声污染防治法/);
    assert.match(value, /环境噪声污染防治法\(2018-12-29\)\.md/);
  });

  test('hover on a citation the workspace does not hold says so', async () => {
    await open(F.TAXCREDIT);
    const line = text(F.TAXCREDIT).split(/\r?\n/)[19];
    const hover = await request<Hover | null>('textDocument/hover', { textDocument: { uri: uri(F.TAXCREDIT) }, position: { line: 19, character: line.indexOf('税收征管法') } });
    assert.match((hover?.contents as { value: string }).value, /not in the workspace/);
  });

  test('document links: the citation that resolves links to the cited file', async () => {
    await open(F.YUNNAN);
    const links = await request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uri(F.YUNNAN) } });
    const cited = links.filter((link) => link.target?.startsWith('file:')).map((link) => `${lineOf(link)} ${relativeOf(link.target!)}`);
    assert.ok(cited.includes(`271 ${F.NOISE_OLD}`), JSON.stringify(cited));
  });

  test('workspace symbols: by 发文字号, by a word of the title, by the title\'s pinyin initials', async () => {
    const byNumber = (await symbols('交应急明电〔2021〕171')).map((symbol) => relativeOf(symbol.location.uri)).sort();
    assert.deepEqual(byNumber, [F.SUMMER, F.TYPHOON].sort());
    const byWord = (await symbols('个人所得税法')).map((symbol) => relativeOf(symbol.location.uri));
    assert.equal(byWord[0], F.IIT);
    // 噪声污染防治法 → zswrfzf: both noise laws, matched anywhere in the title.
    const byInitials = (await symbols('zswrfzf')).map((symbol) => relativeOf(symbol.location.uri));
    assert.ok(byInitials.includes(F.NOISE_2021) && byInitials.includes(F.NOISE_OLD), JSON.stringify(byInitials));
  });

  test('the Outline of an official text: its 层次序数, 二、 holding its （一）（二）（三）', async () => {
    await open(F.TAXCREDIT);
    const outline = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri(F.TAXCREDIT) } });
    const flat: string[] = [];
    const walk = (list: DocumentSymbol[], depth: number) => list.forEach((symbol) => {
      flat.push(`${depth} ${symbol.name.slice(0, 6)} ${symbol.range.start.line + 1}`);
      walk(symbol.children ?? [], depth + 1);
    });
    walk(outline, 0);
    const sections = flat.filter((line) => /[一二三四五]、|（[一二三]）/.test(line));
    const depthOf = (name: string) => Number(sections.find((line) => line.includes(name))!.split(' ')[0]);
    assert.deepEqual(sections.slice(0, 5).map((line) => line.split(' ').slice(1).join(' ')), ['一、总体要求 7', '二、建立个人 13', '（一）全面实 14', '（二）建立健 17', '（三）建立自 19']);
    assert.equal(depthOf('（一）全面实'), depthOf('二、建立个人') + 1);
  });

  /** The diagnostic of `code` on an open document: in what its opening published, else in a later publish. */
  async function finding(relative: string, code: string): Promise<Diagnostic> {
    const first = (await open(relative)).diagnostics.find((d) => d.code === code);
    return first ?? (await server.waitForDiagnostics(uri(relative), (params) => params.diagnostics.some((d) => d.code === code))).diagnostics.find((d) => d.code === code)!;
  }

  test('cross-document diagnostics on open documents, with the severities of each folder\'s config', async () => {
    const repealed = await finding(F.YUNNAN, 'cites-repealed');
    assert.equal(repealed.range.start.line + 1, 271);
    assert.equal(repealed.severity, 2, 'a warning: the plan is dated after the repeal');
    assert.equal((await finding(F.GD_NOISE, 'cites-repealed')).severity, 3, 'info: dated before the repeal');
    // notices/.policydocrc.json makes duplicate-doc-number an error.
    const duplicate = await finding(F.SUMMER, 'duplicate-doc-number');
    assert.equal(duplicate.severity, 1);
    assert.equal(duplicate.range.start.line, 0);
  });

  test('an inline directive switches a cross-document rule off, as in the CLI', async () => {
    const copy = uri('notices/typhoon-copy.txt');
    const typhoon = text(F.TYPHOON);
    const silenced = await server.open(copy, `<!-- policydoc-disable-next-line duplicate-doc-number -->\n${typhoon}`, 'plaintext');
    assert.ok(!silenced.diagnostics.some((d) => d.code === 'duplicate-doc-number'), JSON.stringify(silenced.diagnostics.map((d) => d.code)));
    // Without the directive line the same text gets the finding.
    const reported = server.waitForDiagnostics(copy, (params) => params.diagnostics.some((d) => d.code === 'duplicate-doc-number'));
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: copy, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }],
    });
    await reported;
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: copy } });
  });

  test('an edit that changes a citation re-checks the other open documents it concerns', async () => {
    // The 2021 law's repeal statement: written as amending instead, the old law is no longer repealed.
    const law = await open(F.NOISE_2021);
    assert.ok(Array.isArray(law.diagnostics));
    const line = text(F.NOISE_2021).split('\n')[374];
    const at = line.indexOf('同时废止');
    const republished = server.waitForDiagnostics(uri(F.YUNNAN), (params) => !params.diagnostics.some((d) => d.code === 'cites-repealed'));
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(F.NOISE_2021), version: 2 },
      contentChanges: [{ range: { start: { line: 374, character: at }, end: { line: 374, character: at + 4 } }, text: '继续有效' }],
    });
    await republished;
    // And back: the warning returns.
    const again = server.waitForDiagnostics(uri(F.YUNNAN), (params) => params.diagnostics.some((d) => d.code === 'cites-repealed'));
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(F.NOISE_2021), version: 3 },
      contentChanges: [{ range: { start: { line: 374, character: at }, end: { line: 374, character: at + 4 } }, text: '同时废止' }],
    });
    await again;
  });

  test('citation-title-mismatch has a quick fix that writes the cited document\'s title', async () => {
    const mismatch = await finding(F.IIP_LIST, 'citation-title-mismatch');
    assert.equal(mismatch.range.start.line + 1, 5);
    const actions = await request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(F.IIP_LIST) }, range: mismatch.range, context: { diagnostics: [mismatch] } });
    const edits: { newText: string }[] = [...Object.values(actions[0]?.edit?.changes ?? {}).flat(), ...(actions[0]?.edit?.documentChanges ?? []).flatMap((change) => ('edits' in change ? change.edits.map((edit) => ({ newText: 'newText' in edit ? edit.newText : '' })) : []))];
    assert.ok(edits.some((edit) => edit.newText === '工业和信息化部办公厅关于组织开展2019年工业互联网平台创新应用案例征集活动的通知'), JSON.stringify(edits));
  });

  test('categories are completed from the whole workspace, closed posts included', async () => {
    const draft = uri('posts/draft.md');
    await server.open(draft, '---\ntitle: 草稿\ncategories: \n---\n正文\n');
    const list = await request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: draft }, position: { line: 2, character: 12 } });
    assert.ok(list.items.some((item) => item.label === 'CAU通知'), JSON.stringify(list.items.map((item) => item.label)));
  });

  test('Check Workspace publishes the problems of closed files, cross-document findings included', async () => {
    const typhoon = server.waitForDiagnostics(uri(F.TYPHOON), (params) => params.diagnostics.length > 0);
    const automon = server.waitForDiagnostics(uri(F.AUTOMON), (params) => params.diagnostics.length > 0);
    const result = await request<{ files: number; problems: number; cancelled: boolean }>('policydoc/checkWorkspace', {});
    assert.equal(result.cancelled, false);
    assert.ok(result.files >= 15, JSON.stringify(result));
    const typhoonProblems = (await typhoon).diagnostics;
    assert.ok(typhoonProblems.some((d) => d.code === 'duplicate-doc-number' && d.severity === 1), JSON.stringify(typhoonProblems.map((d) => d.code)));
    assert.deepEqual((await automon).diagnostics.filter((d) => d.code === 'cites-repealed').map((d) => d.range.start.line + 1), [37, 95]);
  });

  test('watchers: a new file that cites the income tax law is found by references; deleted, it is gone', async () => {
    const relative = 'posts/new-note.md';
    fs.writeFileSync(path.join(root, relative), '---\ntitle: 个税笔记\ndate: 2024-01-02\ncategories: 笔记\n---\n依据《中华人民共和国个人所得税法》，年度汇算。\n');
    const referencesOfIit = async () => {
      await open(F.IIT);
      const found = await request<Location[]>('textDocument/references', { textDocument: { uri: uri(F.IIT) }, position: pos(1, 5), context: { includeDeclaration: false } });
      return found.map((location) => relativeOf(location.uri));
    };
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(relative), type: 1 }] });
    await eventually('the new note among the references', async () => ((await referencesOfIit()).includes(relative) ? true : undefined));
    fs.rmSync(path.join(root, relative));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(relative), type: 3 }] });
    await eventually('the note gone', async () => ((await referencesOfIit()).includes(relative) ? undefined : true));
  });

  test('the cache: written to the storage folder; a restart reads it, and a file changed meanwhile is read again', async () => {
    const cacheFile = path.join(storage, 'workspace-index.json');
    await eventually('the cache file', async () => (fs.existsSync(cacheFile) ? true : undefined));
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { documents: unknown[] };
    assert.ok(cached.documents.length >= 24);
    await server.stop();
    opened.clear();
    // Changed while the server was down: the typhoon notice gets another number.
    const typhoon = path.join(root, F.TYPHOON);
    fs.writeFileSync(typhoon, fs.readFileSync(typhoon, 'utf8').replace('交应急明电〔2021〕171号', '交应急明电〔2021〕170号'));
    server = await startServer({ root: path.join(root, FOLDERS[0]), folders: FOLDERS.slice(1).map((folder) => path.join(root, folder)), initializationOptions: { storagePath: storage } });
    await eventually('the restarted index has the changed number', async () => ((await symbols('交应急明电〔2021〕170')).length === 1 ? true : undefined));
    assert.deepEqual((await symbols('交应急明电〔2021〕171')).map((symbol) => relativeOf(symbol.location.uri)), [F.SUMMER]);
    assert.ok((await symbols('zswrfzf')).length >= 2, 'the unchanged laws come from the cache');
  });
});

describe('the first index reports work-done progress and can be cancelled', () => {
  // 1,500 notices made from a real one (the 2019 名单 notice), each with its own 发文字号, so the build
  // runs long enough to be cancelled.
  const COUNT = 1500;
  function manyNotices(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'policydoc-many-'));
    const notice = fs.readFileSync(path.join(SOURCE, F.IIP_CALL), 'utf8');
    for (let i = 1; i <= COUNT; i++) {
      fs.writeFileSync(path.join(root, `notice-${i}.txt`), notice.replace(/工信厅信软函〔2019〕154号/g, `测试函〔2019〕${i}号`));
    }
    return root;
  }

  async function start(root: string, onCreate: (token: string | number) => void, events: { kind: string; percentage?: number }[]): Promise<TestServer> {
    return startServer({
      root,
      capabilities: { window: { workDoneProgress: true } },
      handlers: {
        'window/workDoneProgress/create': (params) => {
          onCreate((params as { token: string | number }).token);
          return null;
        },
      },
      listeners: {
        '$/progress': (params) => {
          const { value } = params as { value: { kind: string; percentage?: number } };
          events.push({ kind: value.kind, percentage: value.percentage });
        },
      },
    });
  }

  test('begin, reports with a percentage, end', async () => {
    const events: { kind: string; percentage?: number }[] = [];
    const server = await start(manyNotices(), () => {}, events);
    try {
      await eventually('the progress ends', async () => (events.some((event) => event.kind === 'end') ? true : undefined));
      assert.equal(events[0].kind, 'begin');
      assert.ok(events.some((event) => event.kind === 'report' && typeof event.percentage === 'number' && event.percentage > 0), JSON.stringify(events));
      assert.equal((await server.connection.sendRequest<unknown[]>('workspace/symbol', { query: `测试函〔2019〕${COUNT}号` })).length, 1);
    } finally {
      await server.stop();
    }
  });

  test('cancelled as soon as it begins: the build stops early, the server keeps answering', async () => {
    const events: { kind: string; percentage?: number }[] = [];
    let server: TestServer | undefined;
    const cancel = (token: string | number) => void server?.connection.sendNotification('window/workDoneProgress/cancel', { token });
    server = await start(manyNotices(), (token) => setTimeout(() => cancel(token), 0), events);
    try {
      await eventually('the progress ends', async () => (events.some((event) => event.kind === 'end') ? true : undefined));
      const sample = Array.from({ length: 30 }, (_, i) => COUNT - i * 50);
      const found = await Promise.all(sample.map(async (n) => (await server!.connection.sendRequest<unknown[]>('workspace/symbol', { query: `测试函〔2019〕${n}号` })).length));
      assert.ok(found.some((count) => count === 0), 'some notices were never indexed');
      assert.ok(Array.isArray(await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.md' } })), 'still answering');
    } finally {
      await server.stop();
    }
  });
});
