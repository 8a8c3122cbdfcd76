import { fill } from '../service/i18n';
import type { Locale, Message } from '../service/types';

/** Every text the CLI prints itself, in both languages (rule messages come from the service). */
export const MESSAGES = {
  usage: {
    en: `Usage: policydoc check [paths or globs...] [options]
       policydoc index [paths or globs...] [--stats] [--format stylish|json] [-o FILE]
       policydoc clean FILE [--to html|md|text] [-o OUT]

Checks Chinese policy documents (.md, .markdown, .txt); folders are searched, default ".".
The files checked together form a collection: the cross-document rules (duplicate-doc-number,
citation-title-mismatch, cites-repealed, duplicate-document) run over it.

Options:
  -f, --format <name>  stylish (default), json or sarif
      --fix            apply every automatic fix and write the files
      --all            check every document found in folders and globs; without it
                       and without a .policydocrc.json, only those that look like
                       policy documents (files named one by one are always checked)
  -c, --config <file>  configuration file (default: .policydocrc.json in the current folder)
      --lang <zh|en>   language of the messages (default: from LANG / LC_ALL)
  -q, --quiet          report errors only
      --shard <i/n>    check part i of n (by a hash of each path), for CI matrices
      --index <file>   take the rest of the collection from this index file
                       (written by "policydoc index -o"); an outdated one is an error
  -h, --help           show this help
  -v, --version        show the version

index reads the same files and prints the collection's index as JSON, or:
      --stats          documents by profile, agency and year; citations resolved
                       and unresolved; duplicates; repealed documents still cited
  -o, --output <file>  write the index to this file (for check --index)

clean writes the document as a reader sees it (portal junk removed, metadata in a header):
      --to <format>    text (default), html (a stand-alone page) or md (Markdown)
  -o, --output <file>  write to this file instead of standard output

Exit codes: 0 no errors, 1 errors found, 2 usage or internal error.`,
    zh: `用法：policydoc check [路径或 glob...] [选项]
      policydoc index [路径或 glob...] [--stats] [--format stylish|json] [-o 文件]
      policydoc clean 文件 [--to html|md|text] [-o 输出文件]

检查中文政策文件（.md、.markdown、.txt）；会搜索文件夹，默认为“.”。
一起检查的文件构成一个集合，跨文件规则（duplicate-doc-number、citation-title-mismatch、
cites-repealed、duplicate-document）在整个集合上运行。

选项：
  -f, --format <格式>  stylish（默认）、json 或 sarif
      --fix            应用所有自动修复并写回文件
      --all            检查文件夹和 glob 中找到的所有文档；不加此项且没有
                       .policydocrc.json 时，只检查看起来是政策文件的文档
                       （逐个列出的文件总会检查）
  -c, --config <文件>  配置文件（默认：当前文件夹中的 .policydocrc.json）
      --lang <zh|en>   消息语言（默认取自 LANG / LC_ALL）
  -q, --quiet          只报告错误
      --shard <i/n>    只检查 n 份中的第 i 份（按路径的哈希划分），用于 CI 矩阵
      --index <文件>   集合的其余部分取自此索引文件（由“policydoc index -o”
                       写出）；索引过期时报错
  -h, --help           显示本帮助
  -v, --version        显示版本

index 读取同样的文件，以 JSON 输出集合的索引，或者：
      --stats          按文档类型、发文机关和年份统计文件；已找到和未找到的
                       引用；重复文件；已废止但仍被引用的文件
  -o, --output <文件>  将索引写入该文件（供 check --index 使用）

clean 输出读者看到的文档（去除网页杂项，元数据放在信息栏）：
      --to <格式>      text（默认）、html（独立网页）或 md（Markdown）
  -o, --output <文件>  写入该文件而不是标准输出

退出码：0 没有错误，1 发现错误，2 用法错误或内部错误。`,
  },
  usageHint: { en: 'Run "policydoc --help" for usage.', zh: '运行“policydoc --help”查看用法。' },
  unknownCommand: { en: 'Unknown command "{name}"; the commands are "check", "index" and "clean".', zh: '未知命令“{name}”；可用命令为“check”、“index”和“clean”。' },
  notForCommand: { en: 'Option "{name}" does not apply to "{command}".', zh: '选项“{name}”不适用于“{command}”。' },
  badShard: { en: 'Invalid value "{value}" for --shard; expected i/n with 1 ≤ i ≤ n, as in 2/4.', zh: '--shard 的值“{value}”无效；应为 i/n 且 1 ≤ i ≤ n，例如 2/4。' },
  shardWithoutIndex: {
    en: '--shard without --index: the cross-document rules see only this shard\'s files; write the collection\'s index with "policydoc index -o FILE" and pass --index FILE.',
    zh: '使用了 --shard 而没有 --index：跨文件规则只能看到本分片的文件；请用“policydoc index -o 文件”写出整个集合的索引，并加上 --index 文件。',
  },
  indexUnreadable: { en: 'Cannot read the index file {path}: {detail}', zh: '无法读取索引文件 {path}：{detail}' },
  indexInvalid: {
    en: '{path} is not a policydoc index file (format {format}); write one with "policydoc index -o {path}".',
    zh: '{path} 不是 policydoc 索引文件（格式 {format}）；请用“policydoc index -o {path}”写出。',
  },
  indexStale: {
    en: 'The index file {path} is out of date: {count} file(s) changed, appeared or vanished since it was written ({files}); write it again with "policydoc index -o {path}".',
    zh: '索引文件 {path} 已过期：写出之后有 {count} 个文件被修改、新增或删除（{files}）；请用“policydoc index -o {path}”重新写出。',
  },
  statsDocuments: { en: '{count} documents', zh: '共 {count} 件文件' },
  statsByProfile: { en: 'By profile: ', zh: '按文档类型：' },
  statsByAgency: { en: 'By agency: ', zh: '按发文机关：' },
  statsByYear: { en: 'By year: ', zh: '按年份：' },
  statsUnknown: { en: 'unknown', zh: '未知' },
  statsMore: { en: '… {count} more', zh: '……另有 {count} 项' },
  statsCitations: {
    en: 'Citations: {total}, resolved in the collection {resolved}, unresolved {unresolved}',
    zh: '引用：{total} 处，在本集合中找到 {resolved} 处，未找到 {unresolved} 处',
  },
  statsDuplicates: { en: 'Duplicate documents (nearly the same text): {count} pair(s)', zh: '重复文件（正文几乎相同）：{count} 对' },
  statsRepealedCited: { en: 'Repealed documents still cited: {count}', zh: '已废止但仍被引用的文件：{count} 件' },
  statsRepealedBy: { en: '{file} "{title}", repealed by {by}; cited by {citers}', zh: '{file}《{title}》，被 {by} 废止；引用者：{citers}' },
  cleanOneFile: { en: 'clean takes exactly one file.', zh: 'clean 只接受一个文件。' },
  noCommand: { en: 'No command given.', zh: '没有给出命令。' },
  unknownOption: { en: 'Unknown option "{name}".', zh: '未知选项“{name}”。' },
  missingValue: { en: 'Option "{name}" needs a value.', zh: '选项“{name}”需要一个值。' },
  unexpectedValue: { en: 'Option "{name}" takes no value.', zh: '选项“{name}”不接受值。' },
  badValue: { en: 'Invalid value "{value}" for {name}; expected one of {allowed}.', zh: '{name} 的值“{value}”无效；应为以下之一：{allowed}。' },
  noSuchPath: { en: 'No such file or folder: {path}', zh: '文件或文件夹不存在：{path}' },
  noMatch: { en: 'No files matched "{path}".', zh: '没有文件匹配“{path}”。' },
  configMissing: { en: 'Configuration file not found: {path}', zh: '找不到配置文件：{path}' },
  configInvalid: { en: 'The configuration file {path} has problems:', zh: '配置文件 {path} 有问题：' },
  notUtf8: { en: 'This file is not UTF-8 text; policydoc cannot read it.', zh: '此文件不是 UTF-8 文本，policydoc 无法读取。' },
  skippedNotPolicy: {
    en: 'Skipped {count} file(s) that do not look like policy documents (no .policydocrc.json); --all checks them.',
    zh: '跳过了 {count} 个看起来不是政策文件的文档（没有 .policydocrc.json）；加 --all 可检查它们。',
  },
  internalError: { en: 'Internal error: {detail}', zh: '内部错误：{detail}' },
  error: { en: 'error', zh: '错误' },
  warning: { en: 'warning', zh: '警告' },
  info: { en: 'info', zh: '信息' },
  hint: { en: 'hint', zh: '提示' },
} satisfies Record<string, Message>;

export type MessageId = keyof typeof MESSAGES;

export function text(locale: Locale, id: MessageId, data?: Record<string, string | number>): string {
  return fill(MESSAGES[id], data)[locale];
}

/** English counts need a plural, Chinese ones a measure word; so these are built rather than filled. */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summaryText(locale: Locale, c: { total: number; errors: number; warnings: number; infos: number }): string {
  return locale === 'zh'
    ? `✖ ${c.total} 个问题（${c.errors} 个错误，${c.warnings} 个警告，${c.infos} 个提示信息）`
    : `✖ ${count(c.total, 'problem')} (${count(c.errors, 'error')}, ${count(c.warnings, 'warning')}, ${count(c.infos, 'info')})`;
}

export function cleanText(locale: Locale, files: number): string {
  return locale === 'zh' ? `✔ ${files} 个文件没有问题` : `✔ No problems in ${count(files, 'file')}`;
}

export function fixedText(locale: Locale, files: number): string {
  return locale === 'zh' ? `已修复 ${files} 个文件。` : `Fixed ${count(files, 'file')}.`;
}

/** A problem the user caused (exit code 2), with its message already in the right language. */
export class UsageError extends Error {}
