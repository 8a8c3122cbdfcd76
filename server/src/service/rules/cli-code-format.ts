import { asciiDigits } from '../parse/numerals';
import { isVerbatim } from '../parse/official';
import type { Rule } from '../types';

/** pkulaw codes: CLI.<category>.<number>; a category is a number (laws) or one capital letter (CLI.C.… for cases). */
const VALID = /^CLI\.(?:[0-9]+|[A-Z])\.[0-9]+$/;
/** A code with slips that have one reading: look-alike letters, wrong or missing separators, a trailing dot. */
const TOLERANT = /^[Cc][Ll][IiLl1|][\s.．。·]*([0-9０-９]+)\s*[.．。·\s]\s*([0-9０-９OoIl]+)[.．。]?$/;

function repair(code: string): string | null {
  const match = TOLERANT.exec(code);
  if (!match) return null;
  const number = asciiDigits(match[2]).replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
  const fixed = `CLI.${asciiDigits(match[1])}.${number}`;
  return VALID.test(fixed) ? fixed : null;
}

export const cliCodeFormat: Rule = {
  meta: {
    id: 'cli-code-format',
    defaultSeverity: 'warning',
    description: {
      en: 'A pkulaw 法宝引证码 has the shape CLI.<category>.<number>, e.g. CLI.4.340400.',
      zh: '北大法宝的法宝引证码应为 CLI.<类别>.<编号> 的形式，如 CLI.4.340400。',
    },
    messages: {
      malformed: {
        en: 'The 法宝引证码 "{code}" is not of the form CLI.<n>.<n>.',
        zh: '法宝引证码“{code}”不符合 CLI.<数字>.<数字> 的形式。',
      },
      malformedFixable: {
        en: 'The 法宝引证码 "{code}" is not of the form CLI.<n>.<n>; it should read "{fixed}".',
        zh: '法宝引证码“{code}”不符合 CLI.<数字>.<数字> 的形式，应为“{fixed}”。',
      },
    },
    fixable: true,
  },
  check({ doc, report }) {
    const code = doc.official.cliCode;
    if (!code || VALID.test(code.text)) return;
    const fixed = isVerbatim(doc.text, doc.prose, code.start, code.end) ? repair(code.text) : null;
    const range = doc.lines.range(code.start, code.end);
    report({
      messageId: fixed ? 'malformedFixable' : 'malformed',
      data: { code: code.text, fixed: fixed ?? '' },
      range,
      fix: fixed ? { title: { en: `Write ${fixed}`, zh: `改为 ${fixed}` }, edits: [{ range, newText: fixed }] } : undefined,
    });
  },
};
