// Completion and hover over stdio, and the project's own .policydoc/*.yaml files.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { makeWorkspace, messageOf, readFixture, SEEDS, startServer, uriOf, type TestServer } from './client';

const hoverText = (hover: Hover | null) => (hover ? (hover.contents as MarkupContent).value : '');

describe('completion and hover over stdio', () => {
  let server: TestServer;
  let root: string;
  before(async () => {
    root = makeWorkspace({
      '.policydoc/terms.yaml': '- term: 新质生产力\n  zh: 测试用定义：以创新起主导作用的先进生产力质态。\n  en: Test definition.\n  source: 测试来源\n- zh: 缺少词条\n',
    });
    server = await startServer({ root, locale: 'zh-cn' });
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  const complete = (uri: string, line: number, character: number) =>
    server.connection.sendRequest<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  const hover = (uri: string, line: number, character: number) =>
    server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });

  test('typing swb in the author value of seed 000 offers 商务部 first', async () => {
    const name = 'author-swb.md';
    const text = readFixture(SEEDS.hexo0).replace('author: 新浪财经', 'author: swb');
    const uri = uriOf(root, name);
    await server.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('author: swb'));
    const list = await complete(uri, line, 'author: swb'.length);
    assert.ok(list && list.items.length > 0);
    assert.equal(list.items[0].label, '商务部');
  });

  test('typing fgw in a body offers 国家发展改革委', async () => {
    const text = readFixture(SEEDS.jekyll) + '\nfgw';
    const uri = uriOf(root, 'body-fgw.md');
    await server.open(uri, text);
    const lines = text.split('\n');
    const list = await complete(uri, lines.length - 1, 3);
    assert.ok(list);
    const labels = list.items.map((item) => (item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : item.insertText ?? item.label));
    assert.equal(labels[0], '国家发展改革委');
  });

  test('hovering 四个意识 in seed 002 shows the four 意识', async () => {
    const text = readFixture(SEEDS.hexo2);
    const uri = uriOf(root, SEEDS.hexo2);
    await server.open(uri, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('四个意识'));
    const value = hoverText(await hover(uri, line, lines[line].indexOf('四个意识') + 1));
    for (const part of ['政治意识', '大局意识', '核心意识', '看齐意识']) assert.ok(value.includes(part), `${part} in ${value}`);
  });

  test('hovering 国开办发〔2020〕4号 in seed 003 shows its parts and the agency', async () => {
    const text = readFixture(SEEDS.pkulaw);
    const uri = uriOf(root, SEEDS.pkulaw);
    await server.open(uri, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('国开办发〔2020〕4号'));
    const value = hoverText(await hover(uri, line, lines[line].indexOf('国开办发') + 2));
    for (const part of ['国开办发', '2020', '4', '国务院扶贫开发领导小组办公室']) assert.ok(value.includes(part), `${part} in ${value}`);
  });

  test('a term from .policydoc/terms.yaml hovers, and its bad entry gets a diagnostic on that file', async () => {
    const uri = uriOf(root, 'user-term.md');
    await server.open(uri, '# 发展新质生产力\n');
    assert.match(hoverText(await hover(uri, 0, 5)), /测试用定义/);
    const published = await server.nextDiagnostics(uriOf(root, '.policydoc/terms.yaml'));
    assert.equal(published.diagnostics.length, 1);
    assert.equal(published.diagnostics[0].range.start.line, 4);
    assert.ok(messageOf(published.diagnostics[0]).length > 0);
  });

  test('the user file is reloaded when it changes', async () => {
    const file = path.join(root, '.policydoc', 'terms.yaml');
    fs.writeFileSync(file, '- term: 新质生产力\n  zh: 改过的定义。\n  en: Changed.\n  source: 测试来源\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, '.policydoc/terms.yaml'), type: 2 }] });
    await server.waitForDiagnostics(uriOf(root, '.policydoc/terms.yaml'), (params) => params.diagnostics.length === 0);
    const uri = uriOf(root, 'user-term-2.md');
    await server.open(uri, '# 发展新质生产力\n');
    assert.match(hoverText(await hover(uri, 0, 5)), /改过的定义/);
  });

  test('a user agency file reaches the rules: open documents are checked again when it changes', async () => {
    const uri = uriOf(root, 'user-agency.txt');
    const text = ['关于开展数据治理工作的通知', '', '各区：', '　　测试大数据局印发了工作方案，请遵照执行。', '', '2020年5月6日', ''].join('\n');
    const agencyName = (params: { diagnostics: { code?: unknown }[] }) => params.diagnostics.filter((d) => d.code === 'agency-name').length;
    assert.equal(agencyName(await server.open(uri, text)), 0);
    fs.writeFileSync(path.join(root, '.policydoc', 'agencies.yaml'), '- name: 测试市大数据管理局\n  kind: 市政府工作部门\n  informal: [测试大数据局]\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(root, '.policydoc/agencies.yaml'), type: 1 }] });
    const published = await server.waitForDiagnostics(uri, (params) => agencyName(params) === 1);
    assert.match(messageOf(published.diagnostics.find((d) => d.code === 'agency-name')!), /测试市大数据管理局/);
  });

  const completeAtEnd = async (name: string, typed: string) => {
    const text = readFixture(SEEDS.jekyll) + `\n${typed}`;
    const uri = uriOf(root, name);
    await server.open(uri, text);
    const list = await complete(uri, text.split('\n').length - 1, typed.length);
    assert.ok(list);
    return list.items;
  };
  const inserted = (item: CompletionList['items'][number]) => (item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : item.insertText ?? item.label);

  test('typing rmyh offers both the formal name 中国人民银行 and the short 人民银行', async () => {
    const labels = (await completeAtEnd('body-rmyh.md', 'rmyh')).map(inserted);
    assert.ok(labels.includes('中国人民银行'), labels.join(' '));
    assert.ok(labels.includes('人民银行'), labels.join(' '));
  });

  test('typing wjw toward a former name: 国家卫生计生委 is tagged deprecated and ranks after the current 国家卫生健康委', async () => {
    const items = await completeAtEnd('body-wjw.md', 'wjw');
    const labels = items.map(inserted);
    const current = labels.indexOf('国家卫生健康委');
    const former = labels.indexOf('国家卫生计生委');
    assert.ok(current >= 0 && former >= 0, labels.join(' '));
    assert.ok(current < former, labels.join(' '));
    assert.deepEqual(items[former].tags, [1], 'CompletionItemTag.Deprecated');
    assert.ok(!items[current].tags?.includes(1));
  });

  test('agency-name judges a name by the document’s own date: silent in 2019, outdated in 2024, and an informal name always', async () => {
    const notice = (body: string, date: string) => ['关于做好有关工作的通知', '', '各有关单位：', `　　${body}`, '', date, ''].join('\n');
    const agencyName = (params: { diagnostics: { code?: unknown }[] }) => params.diagnostics.filter((d) => d.code === 'agency-name').map((d) => messageOf(d as Diagnostic));
    const cbirc = '银保监会印发了工作方案，请遵照执行。';
    assert.deepEqual(agencyName(await server.open(uriOf(root, 'period-2019.txt'), notice(cbirc, '2019年5月6日'))), []);
    const in2024 = agencyName(await server.open(uriOf(root, 'period-2024.txt'), notice(cbirc, '2024年5月6日')));
    assert.equal(in2024.length, 1);
    assert.match(in2024[0], /2023/);
    assert.match(in2024[0], /金融监管总局|国家金融监督管理总局/);
    const informal = agencyName(await server.open(uriOf(root, 'informal-2020.txt'), notice('国家卫健委印发了工作方案，请遵照执行。', '2020年5月6日')));
    assert.equal(informal.length, 1);
    assert.match(informal[0], /不规范.*国家卫生健康委/);
  });

  test('hovering a 发文字号 whose 代字 the registry now holds names organ and kind (国发明电: 国务院, 发明电)', async () => {
    const uri = uriOf(root, 'kind-telegram.txt');
    const text = ['关于做好有关工作的通知', '', '国发明电〔2020〕9号', '', '各省人民政府：', '　　现通知如下。', ''].join('\n');
    await server.open(uri, text);
    const value = hoverText(await hover(uri, 2, 2));
    for (const part of ['发文机关：国务院', '文件类别：发明电']) assert.ok(value.includes(part), `${part} in ${value}`);
  });

  test('hovering a 发文字号 names the kind of document its 代字 tells', async () => {
    const uri = uriOf(root, 'kind.txt');
    const text = ['关于做好有关工作的通知', '', '国办函〔2019〕41号', '', '各省人民政府：', '　　现通知如下。', ''].join('\n');
    await server.open(uri, text);
    const value = hoverText(await hover(uri, 2, 2));
    for (const part of ['国务院办公厅', '文件类别：办函']) assert.ok(value.includes(part), `${part} in ${value}`);
  });
});
