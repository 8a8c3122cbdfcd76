import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDate } from '../../server/src/service/dates';
import { applyFix, diagnose, doc, findings, fixOf, makeService } from './helpers';

const withDate = (date: string, ...extra: string[]) => doc('---', 'title: 标题', `date: ${date}`, 'categories: 新闻', 'toc: true', ...extra, '---');

describe('parseDate', () => {
  test('accepted forms', () => {
    const cases: [string, string][] = [
      ['Thu, 20 May 2021 03:12:16 GMT', '2021-05-20T03:12:16.000Z'],
      ['20 May 2021 03:12 +0800', '2021-05-19T19:12:00.000Z'],
      ['2021-12-29 18:26:21 +0800', '2021-12-29T10:26:21.000Z'],
      ['2021-12-29T18:26:21Z', '2021-12-29T18:26:21.000Z'],
      ['2021-12-29T18:26:21.5+08:00', '2021-12-29T10:26:21.000Z'],
      ['2021-12-29 18:26', '2021-12-29T10:26:00.000Z'],
      ['2021-12-29', '2021-12-28T16:00:00.000Z'],
      ['2021/3/1', '2021-02-28T16:00:00.000Z'],
    ];
    for (const [text, iso] of cases) {
      const result = parseDate(text);
      assert.ok(result.ok, text);
      assert.equal(new Date(result.date.time).toISOString(), iso, text);
    }
  });

  test('impossible and unparseable dates', () => {
    assert.deepEqual(parseDate('2021-02-30'), { ok: false, reason: 'impossible' });
    assert.deepEqual(parseDate('2020-13-01'), { ok: false, reason: 'impossible' });
    assert.deepEqual(parseDate('2021-01-01 25:00'), { ok: false, reason: 'impossible' });
    assert.deepEqual(parseDate('2020年3月11日'), { ok: false, reason: 'unparseable' });
    assert.deepEqual(parseDate('Thu, 20 Mai 2021 03:12:16 GMT'), { ok: false, reason: 'unparseable' });
    assert.deepEqual(parseDate('yesterday'), { ok: false, reason: 'unparseable' });
    assert.ok(parseDate('2020-02-29').ok);
  });
});

describe('date-format', () => {
  test('unparseable date: range is the value', () => {
    const [diagnostic] = diagnose(withDate('2020年3月11日')).filter((d) => d.code === 'date-format');
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 16 } });
    assert.match(diagnostic.message, /not a date policydoc can read: 2020年3月11日/);
  });

  test('impossible date, quoted', () => {
    const [diagnostic] = diagnose(withDate("'2021-02-30'")).filter((d) => d.code === 'date-format');
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 18 } });
    assert.match(diagnostic.message, /does not exist/);
  });

  test('updated is a date too, in every profile', () => {
    assert.deepEqual(findings(doc('---', 'icon: x', 'updated: 2021-13-01', '---'), 'date-format'), ['date-format@2:9-2:19']);
  });

  test('good dates, and non-text dates (key-type\'s)', () => {
    assert.deepEqual(findings(withDate('Thu, 20 May 2021 03:12:16 GMT'), 'date-format'), []);
    assert.deepEqual(findings(withDate('2021-12-29 18:26:21 +0800'), 'date-format'), []);
    assert.deepEqual(findings(withDate('20210520'), 'date-format'), []);
  });
});

describe('date-weekday', () => {
  test('wrong weekday: range on the weekday, fix replaces it', () => {
    const text = withDate('Fri, 20 May 2021 03:12:16 GMT');
    const [diagnostic] = diagnose(text).filter((d) => d.code === 'date-weekday');
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 9 } });
    assert.equal(diagnostic.message, '2021-05-20 was a Thu, not a Fri.');
    const fixed = applyFix(text, 'date-weekday');
    assert.equal(fixed, withDate('Thu, 20 May 2021 03:12:16 GMT'));
    assert.deepEqual(findings(fixed, 'date-weekday'), []);
  });

  test('quoted date: the fix edits inside the quotes', () => {
    const text = withDate('"Mon, 24 Mar 2022 14:18:14 GMT"');
    assert.deepEqual(findings(text, 'date-weekday'), ['date-weekday@2:7-2:10']);
    assert.equal(applyFix(text, 'date-weekday'), withDate('"Thu, 24 Mar 2022 14:18:14 GMT"'));
  });

  test('the weekday of the date as written, not of the instant in UTC', () => {
    assert.deepEqual(findings(withDate('Fri, 21 May 2021 01:00:00 +0800'), 'date-weekday'), []);
  });

  test('right weekday, or none written', () => {
    assert.deepEqual(findings(withDate('Tue, 15 Jun 2021 03:17:09 GMT'), 'date-weekday'), []);
    assert.deepEqual(findings(withDate('15 Jun 2021 03:17:09 GMT'), 'date-weekday'), []);
  });

  test('an escaped quoted string gets the diagnostic on the value, without fix', () => {
    const text = withDate('"Fri, 20 May 2021 03:12:16 \\x47MT"');
    const [diagnostic] = diagnose(text).filter((d) => d.code === 'date-weekday');
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 40 } });
    assert.equal(fixOf(diagnostic), undefined);
  });
});

describe('date-range', () => {
  test('dates in the future, beyond a day of grace', () => {
    assert.deepEqual(findings(withDate('2026-11-25'), 'date-range'), ['date-range@2:6-2:16']);
    assert.deepEqual(findings(withDate('2026-11-24 06:00 +0800'), 'date-range'), []);
    assert.deepEqual(findings(withDate('2026-11-22'), 'date-range'), []);
  });

  test('dates before the earliest date (1949-10-01 by default)', () => {
    const [diagnostic] = diagnose(withDate('1921-05-20')).filter((d) => d.code === 'date-range');
    assert.equal(diagnostic.message, '"date" is before 1949-10-01: 1921-05-20. Is the year right?');
    assert.deepEqual(findings(withDate('1949-10-01'), 'date-range'), []);
  });

  test('the earliest option', () => {
    const service = (earliest: string) => {
      const s = makeService();
      s.configure({ config: { rules: { 'date-range': { options: { earliest } } } } });
      return s;
    };
    assert.deepEqual(findings(withDate('2001-05-20'), 'date-range', { service: service('2010-01-01') }), ['date-range@2:6-2:16']);
    assert.deepEqual(findings(withDate('1921-05-20'), 'date-range', { service: service('1900-01-01') }), []);
  });

  test('unparseable dates are left to date-format', () => {
    assert.deepEqual(findings(withDate('3021-02-30'), 'date-range'), []);
  });
});
