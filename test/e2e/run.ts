import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { messages, translator } from '../../client/src/messages';
import { packageExtension, ROOT, setUp, startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
import { eventually, launchBrowser, SCREENSHOTS, Workbench, type Problem } from './workbench';
import { COLLECTION as COLLECTION_PATH, F } from '../collectionFixture';

// The packaged extension in VS Code (code-server) in Debian's chromium, used as a new user would.
// Every step saves a screenshot under test-results/e2e/.

const SEED = {
  s000: '000_680b3455c651966d.md',
  s001: '001_23dc74ad63b58a12.md',
  s002: '002_5b2f985364582157.md',
  s003: '003_3f3e0725406a3fc4.txt',
  s004: '004_c3879432c9c75c10.md',
};
/** A real Chinese README (test/fixtures/scope/SOURCES.md): not a policy document. */
const README = 'gd-law-crawler.readme.md';
const FILES = [...Object.values(SEED).map((name) => `test/fixtures/${name}`), `test/fixtures/scope/negative/${README}`];

let bin: string;
let vsix: string;
let browser: Browser;

before(() => {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  bin = setUp();
  vsix = packageExtension(mkdtempSync(path.join(tmpdir(), 'policydoc-vsix-')));
});

after(async () => {
  await browser?.close();
});

const rules = (problems: Problem[]) => new Set(problems.map((problem) => problem.rule));
const hasRules = (...ids: string[]) => (problems: Problem[]) => ids.every((id) => rules(problems).has(id));

/** 1-based line and column of the first occurrence of `text` in a seed. */
function positionIn(seed: string, text: string): { line: number; column: number } {
  const lines = readFileSync(path.join(ROOT, 'test/fixtures', seed), 'utf8').split('\n');
  const line = lines.findIndex((content) => content.includes(text));
  assert(line >= 0, `${text} is in ${seed}`);
  return { line: line + 1, column: lines[line].indexOf(text) + 1 };
}

/** The pids of our language server processes under this code-server's extensions folder. */
function serverPids(server: CodeServer): number[] {
  try {
    const out = execFileSync('pgrep', ['-f', `${server.extensions}/.*/server/out/server\\.js`], { encoding: 'utf8' });
    return out.split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/**
 * Starts code-server with the packaged extension (see startCodeServer) and a page on it before the
 * steps of the describe around it, hands both to `set`, and stops them after the steps.
 */
function withCodeServer(set: (workbench: Workbench, server: CodeServer) => void, files: string[], options?: CodeServerOptions): void {
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  before(async () => {
    server = await startCodeServer(bin, vsix, files, options);
    browser ??= await launchBrowser();
    workbench = await Workbench.open(browser, server.url);
    set(workbench, server);
  });
  after(async () => {
    await workbench?.page.close();
    await server?.stop();
  });
}

/** A test that leaves a screenshot of the page when it fails (`todo`: a known product bug, reported but not failing the run). */
function uiTest(name: string, workbench: () => Workbench, body: () => Promise<void>, todo?: string): void {
  test(name, { todo }, async () => {
    try {
      await body();
    } catch (error) {
      await workbench().screenshot(`FAILED-${name.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
      throw error;
    }
  });
}

describe('policydoc in VS Code for the browser (English)', () => {
  let server: CodeServer;
  let workbench: Workbench;
  const step = (name: string, body: () => Promise<void>) => uiTest(name, () => workbench, body);

  withCodeServer((page, started) => ((workbench = page), (server = started)), FILES);

  step('a new user trusts the workspace', async () => {
    await workbench.trustWorkspace();
    await workbench.screenshot('trusted');
  });

  step('seed 000: the status bar shows the detected profile', async () => {
    await workbench.openFile(SEED.s000);
    assert.equal(await workbench.statusBarItem(/^\s*hexo\s*$/), 'hexo');
    await workbench.screenshot('seed-000-status-hexo');
  });

  step('scope: a Chinese README in a workspace without config has no policydoc problems; a policy post does', async () => {
    await workbench.openFile(README);
    // Opened documents are validated at once and in order: once 001's problems show, the README's are final.
    await workbench.openFile(SEED.s001);
    await workbench.problemsUntil(SEED.s001, 'front-matter-position', hasRules('front-matter-position'), 'scope-post');
    assert.deepEqual(await workbench.problemsUntil(README, 'none', () => true, 'scope-readme'), []);
  });

  step('seeds 000 and 001: front-matter-position and web-boilerplate in the Problems panel', async () => {
    for (const seed of [SEED.s000, SEED.s001]) {
      await workbench.openFile(seed);
      const problems = await workbench.problemsUntil(seed, 'front-matter-position, web-boilerplate', hasRules('front-matter-position', 'web-boilerplate'), `problems-${seed.slice(0, 3)}`);
      const position = problems.find((problem) => problem.rule === 'front-matter-position')!;
      assert.equal(position.severity, 'Warning');
      assert.match(position.message, /^Front matter starts on line 2/);
    }
  });

  step('seed 002: also title-mismatch and agency-name', async () => {
    await workbench.openFile(SEED.s002);
    const problems = await workbench.problemsUntil(SEED.s002, 'four rules', hasRules('front-matter-position', 'web-boilerplate', 'title-mismatch', 'agency-name'), 'problems-002');
    assert.match(problems.find((problem) => problem.rule === 'agency-name')!.message, /国家发改委.*国家发展改革委/);
  });

  step('seeds 003 and 004: 004 has halfwidth-punctuation and web-boilerplate, the pkulaw text 003 no error or warning', async () => {
    await workbench.openFile(SEED.s003);
    assert.equal(await workbench.statusBarItem(/^\s*pkulaw\s*$/), 'pkulaw');
    // The server validates opened documents at once and in order, so once 004's problems are
    // shown, 003's (opened first) have been published too.
    await workbench.openFile(SEED.s004);
    await workbench.problemsUntil(SEED.s004, 'halfwidth-punctuation, web-boilerplate', hasRules('halfwidth-punctuation', 'web-boilerplate'), 'problems-004');
    const problems003 = await workbench.problemsUntil(SEED.s003, 'only the file 003 if any', () => true, 'problems-003');
    assert.deepEqual(problems003.filter((problem) => problem.severity === 'Error' || problem.severity === 'Warning'), []);
  });

  step('seed 003 (plain text): the grammar scopes its 发文字号', async () => {
    await workbench.openFile(SEED.s003);
    await workbench.goTo(6, 7); // （商财函〔2020〕68号）: on the year
    const scopes = await workbench.scopesAtCursor();
    await workbench.screenshot('seed-003-scopes');
    assert.deepEqual(scopes, ['constant.numeric.year.policydoc', 'constant.other.doc-number.policydoc', 'meta.policy-document.policydoc', 'text.plain']);
  });

  step('seed 002: hovering 四个意识 shows its definition', async () => {
    await workbench.openFile(SEED.s002);
    const { line, column } = positionIn(SEED.s002, '四个意识');
    await workbench.goTo(line, column + 1); // between 四 and 个
    const hover = await workbench.hoverAfterCursor(/four consciousnesses/);
    await workbench.screenshot('hover-term');
    assert.match(hover, /^四个意识\n/);
    assert.match(hover, /The "four consciousnesses": political integrity, thinking in big-picture terms/);
  });

  step('seed 000: the clean-preview button opens the cleaned article', async () => {
    await workbench.openFile(SEED.s000);
    await workbench.clickEditorAction('Open Clean Preview to the Side');
    const preview = await workbench.webview('会议指出，要充分认识巩固拓展脱贫攻坚成果同乡村振兴有效衔接的重大意义');
    await preview.getByRole('heading', { name: '商务部召开乡村振兴工作领导小组会议 要求围绕构建新发展格局谋划和推进商务帮扶衔接乡村振兴工作' }).waitFor();
    // The page lists what was removed, hidden unless asked for: wait for its stylesheet to hide it.
    const qr = preview.getByText('海量资讯');
    for (let i = 0; i < (await qr.count()); i++) await qr.nth(i).waitFor({ state: 'hidden' });
    await workbench.screenshot('clean-preview');
    const text = await preview.locator('body').innerText();
    assert.doesNotMatch(text, /海量资讯/, 'the QR-code promotion is not shown');
    assert.doesNotMatch(text, /<p|cms-style/, 'no markup shows as text');
    await workbench.runCommand('View: Close All Editors');
  });

  step('seed 001: typing swb in the author value offers 商务部, and accepting inserts it', async () => {
    await workbench.openFile(SEED.s001);
    const { line } = positionIn(SEED.s001, 'author: ');
    await workbench.goTo(line, 'author: '.length + 1);
    await workbench.page.keyboard.press('Shift+End');
    await workbench.page.keyboard.type('swb');
    const row = await workbench.suggestion('商务部');
    await workbench.screenshot('completion-swb');
    await row.click();
    await workbench.textUntil('author: 商务部', (lines) => lines.includes('author: 商务部'));
    await workbench.screenshot('completion-accepted');
    await workbench.page.keyboard.press('Control+S');
  });

  step('seed 000: the quick fix moves the front matter to line 1', async () => {
    await workbench.openFile(SEED.s000);
    await workbench.textUntil('a blank first line', (lines) => lines[0] === '' && lines[1] === '---');
    await workbench.goTo(1, 1);
    await workbench.quickFix('Move the front matter to line 1');
    await workbench.textUntil('"---" on line 1', (lines) => lines[0] === '---');
    await workbench.screenshot('quick-fix-applied');
    await workbench.problemsUntil(SEED.s000, 'no front-matter-position', (problems) => problems.length > 0 && !rules(problems).has('front-matter-position'), 'problems-000-fixed');
  });

  step('the language server is killed: the client starts a new one, and edits get diagnostics again', async () => {
    const [old] = await eventually('the language server process', async () => {
      const pids = serverPids(server);
      return pids.length === 1 ? pids : undefined;
    });
    process.kill(old, 'SIGKILL');
    const [restarted] = await eventually('a new language server process', async () => {
      const pids = serverPids(server);
      return pids.length === 1 && pids[0] !== old ? pids : undefined;
    });
    assert.notEqual(restarted, old);
    // Seed 000 no longer has front-matter-position (fixed above); a blank first line brings it back,
    // and only the new server can report it.
    await workbench.goTo(1, 1);
    await workbench.page.keyboard.press('Enter');
    await workbench.textUntil('a blank first line', (lines) => lines[0] === '' && lines[1] === '---');
    await workbench.problemsUntil(SEED.s000, 'front-matter-position again', hasRules('front-matter-position'), 'problems-after-restart');
  });
});

describe('policydoc in VS Code for the browser (Chinese)', () => {
  let workbench: Workbench;
  const step = (name: string, body: () => Promise<void>) => uiTest(name, () => workbench, body);

  withCodeServer((page) => (workbench = page), [`test/fixtures/${SEED.s000}`, `test/fixtures/${SEED.s002}`], { chinese: true });

  // The VS Code chrome stays English (see registerChineseLanguagePack); our messages are Chinese.
  step('with display language zh-cn, diagnostics are in Chinese', async () => {
    await workbench.trustWorkspace();
    await workbench.openFile(SEED.s000);
    const problems = await workbench.problemsUntil(SEED.s000, 'front-matter-position', hasRules('front-matter-position'), 'zh-problems-000');
    const position = problems.find((problem) => problem.rule === 'front-matter-position')!;
    assert.equal(position.message, '前置元数据从第 2 行开始：“---”之前的空行会让 Hexo 和 Jekyll 识别不到它。');
    assert.match(problems.find((problem) => problem.rule === 'web-boilerplate')!.message, /^正文中残留网页杂项/);
    assert.match(await workbench.statusBarItem(/^\s*hexo\s*$/), /hexo/);
  });

  step('with display language zh-cn, a hover on 四个意识 gives the Chinese definition', async () => {
    await workbench.openFile(SEED.s002);
    const { line, column } = positionIn(SEED.s002, '四个意识');
    await workbench.goTo(line, column + 1);
    const hover = await workbench.hoverAfterCursor(/政治意识/);
    await workbench.screenshot('zh-hover-term');
    assert.match(hover, /政治意识、大局意识、核心意识、看齐意识。/);
  });
});

describe('the clean preview of a VuePress post (test/gold/real/cee-09.md)', () => {
  const POST = 'cee-09.md';
  const TITLE = '关于“未验先投”违法行为行政处罚新旧法律规范衔接适用问题的意见';
  const text = messages(translator()); // English: the l10n keys themselves
  let server: CodeServer;
  let workbench: Workbench;
  const step = (name: string, body: () => Promise<void>) => uiTest(name, () => workbench, body);

  withCodeServer((page, started) => ((workbench = page), (server = started)), [`test/gold/real/${POST}`]);

  /**
   * The preview's header title, and the text-align of each right-aligned block (the 落款) with its
   * text. Read again if the page is replaced meanwhile (each full render is a new frame).
   */
  async function readPreview(): Promise<{ title: string; signature: { text: string; align: string }[] }> {
    return eventually('the post in the preview', async () => {
      const preview = await workbench.webview('2019年10月17日');
      const title = await preview.locator('.pd-card .pd-title').innerText({ timeout: 5_000 });
      // The page's stylesheet loads after its text: read the alignment once its rules are in.
      const styled = await preview.locator('body').evaluate(() => Array.from(document.styleSheets).some((sheet) => sheet.cssRules.length > 0));
      if (!styled) return undefined;
      const signature = await preview.locator('.pd-body .pd-align-right').evaluateAll((blocks: HTMLElement[]) =>
        blocks.map((block) => ({ text: block.innerText.trim(), align: getComputedStyle(block).textAlign })),
      );
      return { title, signature };
    });
  }

  const SIGNATURE = [
    { text: '生态环境部', align: 'right' },
    { text: '2019年10月17日', align: 'right' },
  ];

  step('the preview shows the front-matter title in the header and the ::: right 落款 right-aligned', async () => {
    await workbench.trustWorkspace();
    await workbench.openFile(POST);
    await workbench.runCommand('policydoc: Open Clean Preview to the Side');
    assert.deepEqual(await readPreview(), { title: TITLE, signature: SIGNATURE });
    await workbench.screenshot('vuepress-preview');
    const body = await (await workbench.webview('2019年10月17日')).locator('body').innerText();
    assert.doesNotMatch(body, /:::|&emsp;|<p>/, 'no markup fragment is left');
  });

  step('after a window reload the preview comes back with the same post', async () => {
    await workbench.runCommand('Developer: Reload Window');
    await workbench.page.locator('.monaco-workbench').waitFor();
    assert.deepEqual(await readPreview(), { title: TITLE, signature: SIGNATURE });
    await workbench.screenshot('vuepress-preview-restored');
  });

  step('the server stops for good: the preview shows an error with Retry; Restart Language Server and Retry bring the post back, and edits get diagnostics again', async () => {
    // Killed again each time the client starts it, until the client gives up (5 crashes in 3 minutes).
    for (let crash = 1; crash <= 10; crash++) {
      const pids = await eventually('a language server process', async () => {
        const found = serverPids(server);
        return found.length > 0 ? found : undefined;
      }, 15_000).catch((): number[] => []);
      if (pids.length === 0) break;
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      await eventually('the killed server gone', async () => (serverPids(server).some((pid) => pids.includes(pid)) ? undefined : true));
    }
    assert.deepEqual(serverPids(server), [], 'the client no longer restarts the server');

    await workbench.openFile(POST);
    await workbench.runCommand('policydoc: Open Clean Preview to the Side');
    await eventually('the error state with its reason and Retry', async () => {
      const failed = await workbench.webview(text.previewFailed);
      await failed.getByText(text.previewServerDown).waitFor({ timeout: 5_000 });
      await failed.getByRole('button', { name: text.retry }).waitFor({ timeout: 5_000 });
      return true;
    });
    await workbench.screenshot('vuepress-preview-error');

    await workbench.runCommand('policydoc: Restart Language Server');
    await eventually('a new language server process', async () => (serverPids(server).length === 1 ? true : undefined));
    // Clicked in the page: Playwright's click waits after it, and would see its frame replaced by the new render.
    await eventually('a click on Retry', async () => {
      const page = await workbench.webview(text.previewFailed);
      await page.getByRole('button', { name: text.retry }).evaluate((button: HTMLElement) => button.click(), undefined, { timeout: 5_000 });
      return true;
    });
    assert.deepEqual(await readPreview(), { title: TITLE, signature: SIGNATURE });
    await workbench.screenshot('vuepress-preview-after-retry');
    // Diagnostics come back too: a blank first line moves the front matter, and only the restarted server can say so.
    await workbench.openFile(POST);
    await workbench.goTo(1, 1);
    await workbench.page.keyboard.press('Enter');
    await workbench.textUntil('a blank first line', (lines) => lines[0] === '' && lines[1] === '---');
    await workbench.problemsUntil(POST, 'front-matter-position after Restart', hasRules('front-matter-position'), 'problems-after-restart-command');
  });
});

describe('a multi-root workspace: each folder applies its own .policydocrc.json', () => {
  // The same crawled post in two folders; each folder's config switches a different rule off.
  const post = readFileSync(path.join(ROOT, 'test/fixtures', SEED.s000), 'utf8');
  const folders = {
    alpha: { 'post-alpha.md': post, '.policydocrc.json': '{ "rules": { "front-matter-position": "off" } }\n' },
    beta: { 'post-beta.md': post, '.policydocrc.json': '{ "rules": { "web-boilerplate": "off" } }\n' },
  };
  let workbench: Workbench;
  const step = (name: string, body: () => Promise<void>) => uiTest(name, () => workbench, body);

  withCodeServer((page) => (workbench = page), [], { folders });

  step('folder alpha: web-boilerplate but no front-matter-position; folder beta: the other way round', async () => {
    await workbench.trustWorkspace();
    await workbench.openFile('post-alpha.md');
    await workbench.openFile('post-beta.md');
    const beta = await workbench.problemsUntil('post-beta.md', 'front-matter-position', hasRules('front-matter-position'), 'multi-root-beta');
    assert.ok(!rules(beta).has('web-boilerplate'), `beta's config switches web-boilerplate off: ${JSON.stringify(beta)}`);
    const alpha = await workbench.problemsUntil('post-alpha.md', 'web-boilerplate', hasRules('web-boilerplate'), 'multi-root-alpha');
    assert.ok(!rules(alpha).has('front-matter-position'), `alpha's config switches front-matter-position off: ${JSON.stringify(alpha)}`);
  });
});

describe('a collection of policy documents in three workspace folders (test/fixtures/collection)', () => {
  // Gold: test/fixtures/collection/EXPECTED.md, written by reading the documents; its short names in test/collectionFixture.ts.
  const { TAXCREDIT, AUTOMON, GUARANTEE, IIT, NOISE_OLD, GUARANTEE_FUND, SUMMER, TYPHOON, YUNNAN, GD_NOISE, NOISE_2021 } = F;
  const COLLECTION = path.relative(ROOT, COLLECTION_PATH);
  const base = (file: string) => path.basename(file);
  const folders = { laws: { copyOf: `${COLLECTION}/laws` }, notices: { copyOf: `${COLLECTION}/notices` }, posts: { copyOf: `${COLLECTION}/posts` } };
  let workbench: Workbench;
  const step = (name: string, body: () => Promise<void>, todo?: string) => uiTest(name, () => workbench, body, todo);

  withCodeServer((page) => (workbench = page), [], { folders });

  // EXPECTED.md §1: C4 (《法律名》, notices → laws), C9 (a short title, posts → laws), C3 (a bare 发文字号, notices → notices).
  // Every cited document's title is on its line 1.
  const CITATIONS = [
    { id: 'C4', file: TAXCREDIT, line: 6, column: 6, citation: '《中华人民共和国个人所得税法》', cited: IIT, kind: '《法律名》, notices → laws' },
    { id: 'C9', file: AUTOMON, line: 37, column: 120, citation: '《环境噪声污染防治法》', cited: NOISE_OLD, kind: 'a short 《法律名》, posts → laws' },
    { id: 'C3', file: GUARANTEE, line: 13, column: 98, citation: '国办发〔 2019〕6号', cited: GUARANTEE_FUND, kind: 'a bare 发文字号, notices → notices' },
  ];

  step('a new user trusts the workspace of three folders', async () => {
    await workbench.trustWorkspace();
  });

  for (const { id, file, line, column, citation, cited, kind } of CITATIONS) {
    step(`go to definition on ${id} (${kind}) opens the cited file at its title`, async () => {
      const lines = readFileSync(path.join(ROOT, COLLECTION, file), 'utf8').split(/\r?\n/);
      assert.equal(lines[line - 1].slice(column - 1, column - 1 + citation.length), citation, `${id} is at ${file}:${line}:${column}`);
      await workbench.openFile(base(file));
      await workbench.goTo(line, column + 2); // inside the citation
      await workbench.screenshot(`definition-${id}-citation`);
      await workbench.goToDefinition(base(cited));
      // The breadcrumbs start with the workspace folder and the folders of the path: the file of that folder was opened.
      const parts = cited.split('/');
      await eventually(`the breadcrumbs ${cited}`, async () => {
        const crumbs = await workbench.breadcrumbs();
        return JSON.stringify(crumbs.slice(0, parts.length)) === JSON.stringify(parts) ? true : undefined;
      });
      // Once the status bar no longer shows the citation's position, it shows where the definition put the cursor.
      const cursor = await eventually('the cursor moved', async () => {
        const now = await workbench.cursor();
        return now.line === line && now.column === column + 2 ? undefined : now;
      });
      await workbench.screenshot(`definition-${id}-opened`);
      assert.equal(cursor.line, 1, `the cursor is on the title line of ${cited}`);
    });
  }

  step('the Outline of an official text shows its 层次序数, （一） nested under 二、', async () => {
    await workbench.runCommand('View: Close All Editors');
    await workbench.openFile(base(TAXCREDIT));
    // EXPECTED.md §7: the first five, then the other top-level headings.
    const first = [
      { name: '一、总体要求', level: 1 },
      { name: '二、建立个人所得税纳税信用管理机制', level: 1 },
      { name: '（一）全面实施个人所得税申报信用承诺制。', level: 2 },
      { name: '（二）建立健全个人所得税纳税信用记录。', level: 2 },
      { name: '（三）建立自然人失信行为认定机制。', level: 2 },
    ];
    const topLevel = ['一、总体要求', '二、建立个人所得税纳税信用管理机制', '三、完善守信联合激励和失信联合惩戒机制', '四、加强信息安全和权益维护', '五、强化组织实施'];
    const entries = await workbench.outlineUntil('一、总体要求 first', (shown) => shown.length >= first.length && shown[0].name === first[0].name);
    await workbench.screenshot('outline-397');
    assert.deepEqual(entries.slice(0, first.length), first);
    const shownTop = entries.filter((entry) => entry.level === 1).map((entry) => entry.name);
    assert.deepEqual(shownTop, topLevel.slice(0, shownTop.length), 'the top-level headings shown are 一、 二、 三、 … in order');
    await workbench.runCommand('View: Close All Editors');
  });

  step('Check Workspace fills the Problems panel with the problems of files that are not open, cross-document rules included', async () => {
    await workbench.runCommand('View: Close All Editors');
    assert.equal(await workbench.page.locator('.tabs-container .tab').count(), 0, 'no file is open');
    await workbench.runCommand('policydoc: Check Workspace');
    // Either way the command ends with a notification: the counts, or why it could not check.
    const done = await workbench.notification(/^policydoc (checked \d+ documents|could not check the workspace)/);
    await workbench.screenshot('check-workspace-done');
    assert.match(done, /^policydoc checked \d+ documents: [1-9]\d* problems in [1-9]\d* files \(see the Problems panel\)\.$/);

    // EXPECTED.md §4 and §8: the two 交通运输部 notices share 交应急明电〔2021〕171号; notices/.policydocrc.json makes it an error.
    const byRule = (rule: string) => (problems: Problem[]) => problems.filter((problem) => problem.rule === rule);
    const duplicates = byRule('duplicate-doc-number')(await workbench.filteredProblemsUntil('duplicate-doc-number', 'duplicate-doc-number on both 交通运输部 notices', (problems) => byRule('duplicate-doc-number')(problems).length >= 2, 'check-workspace-duplicate-doc-number'));
    assert.deepEqual(duplicates.map((problem) => [problem.file, problem.severity]).sort(), [[base(SUMMER), 'Error'], [base(TYPHOON), 'Error']].sort());
    for (const problem of duplicates) {
      assert.match(problem.message, /交应急明电〔2021〕171号/);
      const other = problem.file === base(SUMMER) ? TYPHOON : SUMMER;
      assert.ok(problem.message.includes(base(other).replace(/\.txt$/, '')), `${problem.file} names the other notice: ${problem.message}`);
    }

    // EXPECTED.md §2 and §6: NOISE-2021 repeals NOISE-OLD from 2022-06-05; YUNNAN (2022-07-29) cites it after that: a warning;
    // GD-NOISE and AUTOMON (twice) cite it before: info.
    const repealed = byRule('cites-repealed')(await workbench.filteredProblemsUntil('cites-repealed', 'cites-repealed in YUNNAN, GD-NOISE and AUTOMON', (problems) => byRule('cites-repealed')(problems).length >= 4, 'check-workspace-cites-repealed'));
    assert.deepEqual(repealed.map((problem) => [problem.file, problem.severity]).sort(), [[base(YUNNAN), 'Warning'], [base(GD_NOISE), 'Info'], [base(AUTOMON), 'Info'], [base(AUTOMON), 'Info']].sort());
    const yunnan = repealed.find((problem) => problem.file === base(YUNNAN))!;
    assert.ok(yunnan.message.includes(base(NOISE_2021)) && yunnan.message.includes('2022-06-05'), `the message names the repealing law and the date: ${yunnan.message}`);
  });
});
