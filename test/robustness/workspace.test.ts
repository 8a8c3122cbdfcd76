// Bad input at the level of the workspace index (issue 14): a citation cycle, 10,000 citations in one
// file, 500 documents sharing one 发文字号, files that vanish while the parallel builder reads them.
// Each must complete and answer; no timing is asserted here (see `npm run bench`).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { buildEntries } from '../../server/src/indexing/build';
import { parseDocument } from '../../server/src/service/parse/document';
import { checkWorkspace } from '../../server/src/service/workspace/rules';
import { WorkspaceIndex } from '../../server/src/service/workspace/workspaceIndex';

/** A 公文 with its own 发文字号 under the 发文机关标志, its title, and a body. */
function notice(number: string, title: string, body: string): string {
  return `国务院办公厅文件\n\n${number}\n\n${title}\n\n各省、自治区、直辖市人民政府：\n\n${body}\n\n国务院办公厅\n2020年3月1日\n`;
}

test('a citation cycle: A cites and repeals B, B cites and repeals A; every query answers', () => {
  const index = new WorkspaceIndex(parseDocument);
  index.update('file:///ws/a.txt', notice('国办发〔2020〕1号', '关于甲事项的通知', '根据《关于乙事项的通知》（国办发〔2020〕2号）的要求，现就有关事项通知如下。《关于乙事项的通知》（国办发〔2020〕2号）同时废止。'));
  index.update('file:///ws/b.txt', notice('国办发〔2020〕2号', '关于乙事项的通知', '根据《关于甲事项的通知》（国办发〔2020〕1号）的要求，现就有关事项通知如下。《关于甲事项的通知》（国办发〔2020〕1号）同时废止。'));
  const a = index.get('file:///ws/a.txt')!;
  assert.equal(a.number, '国办发〔2020〕1号');
  assert.deepEqual(index.resolve(a.citations[0], a.uri).map((entry) => entry.uri), ['file:///ws/b.txt']);
  assert.deepEqual(index.references('file:///ws/a.txt').map((reference) => reference.uri).sort(), ['file:///ws/b.txt', 'file:///ws/b.txt']);
  assert.equal(index.status('file:///ws/a.txt').state, 'repealed');
  assert.equal(index.status('file:///ws/b.txt').state, 'repealed');
  // Each repeals the one it cites, so neither citation is reported; a third document citing A is.
  index.update('file:///ws/c.txt', notice('国办发〔2021〕3号', '关于丙事项的通知', '请继续执行《关于甲事项的通知》（国办发〔2020〕1号）。').replace('2020年3月1日', '2021年5月1日'));
  const findings = checkWorkspace(index);
  assert.deepEqual(findings.map((finding) => `${finding.rule} ${finding.uri}`), ['cites-repealed file:///ws/c.txt']);
});

test('10,000 citations in one file: the entry is bounded and the queries answer', () => {
  const index = new WorkspaceIndex(parseDocument);
  const citations = Array.from({ length: 10_000 }, (_, i) => `《关于第${i + 1}项工作的通知》（国发〔2019〕${i + 1}号）`).join('，');
  index.update('file:///ws/many.txt', notice('国发〔2020〕99号', '关于汇总有关文件的通知', `根据${citations}等文件精神，现就有关事项通知如下。`));
  index.update('file:///ws/one.txt', notice('国发〔2019〕7号', '关于第7项工作的通知', '现就第7项工作通知如下。'));
  const many = index.get('file:///ws/many.txt')!;
  assert.ok(many.citations.length > 0 && many.citations.length <= 10_000);
  assert.deepEqual(index.references('file:///ws/one.txt').map((reference) => reference.uri), ['file:///ws/many.txt']);
  const loaded = WorkspaceIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())), parseDocument)!;
  assert.deepEqual(loaded.get('file:///ws/many.txt'), many);
  assert.ok(Array.isArray(checkWorkspace(index)));
});

test('500 documents sharing one 发文字号: resolve, references and duplicate-doc-number answer, each message naming at most 3 others', () => {
  const index = new WorkspaceIndex(parseDocument);
  const topics = ['农业', '工业', '交通', '教育', '卫生'];
  for (let i = 0; i < 500; i++) {
    index.update(`file:///ws/same/${i}.txt`, notice('国办发〔2021〕5号', `关于加强${topics[i % 5]}第${i + 1}号工作的通知`, `现就${topics[i % 5]}工作通知如下。`));
  }
  index.update('file:///ws/citing.txt', notice('国办发〔2021〕6号', '关于贯彻落实有关文件的通知', '请按照国办发〔2021〕5号文件要求执行。'));
  const citing = index.get('file:///ws/citing.txt')!;
  assert.equal(index.resolve(citing.citations[0], citing.uri).length, 500);
  assert.deepEqual(index.references('file:///ws/same/0.txt').map((reference) => reference.uri), ['file:///ws/citing.txt']);
  const findings = checkWorkspace(index).filter((finding) => finding.rule === 'duplicate-doc-number');
  assert.ok(findings.length > 0 && findings.length <= 500);
  // Titles this alike partly count as the same document quoted loosely (sameTitle); the rest are named, three at most.
  for (const finding of findings) {
    const others = Number(finding.data.others);
    assert.ok(others >= 1 && others <= 499);
    assert.equal((finding.message.en.match(/\.txt/g) ?? []).length, Math.min(3, others), finding.message.en);
    if (others > 3) assert.match(finding.message.zh, new RegExp(`等 ${others} 件`));
  }
});

test('files that vanish while being indexed are listed in failed, on worker threads and on the calling thread', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policydoc-vanish-'));
  try {
    const files = Array.from({ length: 300 }, (_, i) => {
      const file = path.join(dir, `${i}.txt`);
      fs.writeFileSync(file, notice(`国办发〔2022〕${i + 1}号`, `关于第${i + 1}项工作的通知`, '现就有关工作通知如下。'));
      return { uri: pathToFileURL(file).href, path: file };
    });
    files.push({ uri: pathToFileURL(path.join(dir, 'never.txt')).href, path: path.join(dir, 'never.txt') });
    let removed = false;
    const gone = new Set<string>();
    const result = await buildEntries(files, { locale: 'en' }, {
      threads: 2,
      onProgress() {
        if (removed) return;
        removed = true;
        // After the first batch: every file from the 100th on goes away (the workers hold at most two batches of 32).
        for (const file of files.slice(100, 300)) {
          fs.rmSync(file.path);
          gone.add(file.uri);
        }
      },
    });
    assert.equal(result.cancelled, false);
    assert.equal(result.entries.length + result.failed.length, files.length);
    assert.ok(result.failed.includes(files[300].uri));
    assert.ok(result.failed.length >= 201);
    assert.ok(result.failed.every((uri) => gone.has(uri) || uri === files[300].uri));
    assert.ok(result.entries.every((entry) => /^\d+:\d+$/.test(entry.stamp) && entry.number !== undefined));
    const here = await buildEntries(files, { locale: 'en' }, { threads: 0 });
    assert.equal(here.entries.length, 100);
    assert.equal(here.failed.length, 201);
    let polls = 0;
    const cancelled = await buildEntries(files, { locale: 'en' }, { threads: 0, isCancelled: () => ++polls > 1 });
    assert.equal(cancelled.cancelled, true);
    assert.ok(cancelled.entries.length < 100);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
