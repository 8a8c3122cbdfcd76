import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/service';
import { pinyinKeys, shipped, type Agency } from '../../server/src/service/knowledge';

// One registry: for every organ and every 代字, hover, completion and the rules must say the same thing.

const service = createLanguageService({ locale: 'zh', now: () => new Date('2026-06-01T00:00:00Z') });
const knowledge = shipped();

/** A day on which the organ existed under this name (the rules judge names by the document's date). */
function dayWithin(agency: Agency): string {
  if (!agency.until) return '2026-05-01';
  const until = Number(agency.until.slice(0, 4));
  const founded = agency.founded ? Number(agency.founded.slice(0, 4)) : until - 5;
  return `${Math.max(founded, until - 1)}-06-01`;
}

/** An official text dated `date` whose body line holds `line`. */
function official(line: string, date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return ['关于做好有关工作的通知', '', '各有关单位：', `　　${line}`, '', `${year}年${month}月${day}日`, ''].join('\n');
}

function hoverAt(text: string, needle: string): string {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset + 1).split('\n');
  const hover = service.getHover(service.parse('file:///ws/doc.txt', text), { line: before.length - 1, character: before[before.length - 1].length });
  return hover ? (hover.contents as { value: string }).value : '';
}

function findings(text: string, rule: string): string[] {
  return service
    .getDiagnostics(service.parse('file:///ws/doc.txt', text))
    .filter((d) => d.code === rule)
    .map((d) => d.message as string);
}

function completionsFor(typed: string): string[] {
  const text = official(`由 ${typed}`, '2026-05-01');
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.endsWith(typed));
  const list = service.getCompletions(service.parse('file:///ws/doc.txt', text), { line, character: lines[line].length });
  return list.items.map((item) => (item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : String(item.label)));
}

describe('registry agreement: agency names', () => {
  for (const agency of knowledge.agencies.agencies) {
    const date = dayWithin(agency);
    for (const surface of [agency.name, ...agency.short]) {
      it(`${surface}: hover names ${agency.name}, completion offers it, agency-name is silent on ${date}`, () => {
        // Inside a longer name the longer one is hovered: test the name on its own.
        const text = official(`${surface}印发。`, date);
        assert.ok(hoverAt(text, surface).includes(agency.name), `hover on ${surface}`);
        assert.ok(completionsFor(pinyinKeys(surface).initials).includes(surface), `completion of ${pinyinKeys(surface).initials}`);
        assert.deepEqual(findings(text, 'agency-name'), [], surface);
      });
    }
    for (const surface of agency.informal) {
      // A name local organs bear too (发改委) may mean one of them: hover explains it, the rule stays silent.
      const shared = agency.shared?.includes(surface) ?? false;
      it(`${surface} (informal${shared ? ', shared' : ''}): hover names ${agency.name}, agency-name ${shared ? 'is silent' : 'reports it'}`, () => {
        const text = official(`${surface}印发。`, date);
        assert.ok(hoverAt(text, surface).includes(agency.name), `hover on ${surface}`);
        assert.equal(findings(text, 'agency-name').length, shared ? 0 : 1, surface);
      });
    }
  }
});

describe('registry agreement: 代字', () => {
  for (const entry of knowledge.codes.all()) {
    if (!entry.exact) continue;
    const organ = entry.agency ? entry.agency.name : entry.agencyName;
    const number = `${entry.code}〔2020〕1号`;
    it(`${number}: hover names ${organ ?? 'no organ'}, doc-number-agency-code is silent`, () => {
      const text = official(`按照《关于有关工作的通知》（${number}）执行。`, '2020-06-01');
      const hover = hoverAt(text, number);
      assert.match(hover, new RegExp(`发文机关代字：${entry.code}\\n`));
      if (organ) assert.ok(hover.split('\n').some((line) => line.startsWith('- 发文机关：') && line.includes(organ)), hover);
      assert.deepEqual(findings(text, 'doc-number-agency-code'), []);
    });
  }
});
