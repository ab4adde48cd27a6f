/*
 * messages.c - a small catalogue instead of gettext: the CLI has a few
 * dozen messages; one table keeps the conversions of both languages
 * checked by one test (tests/unit/test_messages.c).
 */
#include "messages.h"

#include <errno.h>
#include <string.h>

static int english;

void messages_set_english(int on)
{
    english = on;
}

int messages_english(void)
{
    return english;
}

const message_pair_t MESSAGE_PAIRS[] = {
    {"binary file, skipped", "二进制文件，已跳过"},
    {"invalid %s byte sequence (byte %02X at offset %zu) replaced by U+FFFD",
     "无效的 %s 字节序列（字节 %02X，偏移 %zu），已替换为 U+FFFD"},
    {"character U+%04X cannot be written in GBK; nothing written",
     "字符 U+%04X 无法用 GBK 表示，未写入"},
    {"binary file (NUL bytes), not a text document", "二进制文件（含 NUL 字节），不是文本文件"},
    {"this system's iconv cannot decode the requested encoding", "本系统的 iconv 无法按所指定的编码解码"},
    {"this system's iconv cannot decode %s", "本系统的 iconv 无法解码 %s"},
    {"this system's iconv cannot encode GBK", "本系统的 iconv 无法编码为 GBK"},
    {"is a folder; check takes one document (use scan for folders)",
     "是文件夹；check 只检查一个文件（文件夹请用 scan）"},
    {"check takes one document (use scan for several)", "check 只检查一个文件（多个文件请用 scan）"},
    {"cannot write report: %s", "无法写入报告：%s"},
    {"cannot write baseline: %s", "无法写入基线：%s"},
    {"cannot write: %s", "无法写入：%s"},
    {"cannot write: %s; original left unchanged", "无法写入：%s；原文件未改动"},
    {"cannot write backup: %s; original left unchanged", "无法写入备份：%s；原文件未改动"},
    {"cannot write standard output", "无法写入标准输出"},
    {"cannot open folder: %s", "无法打开文件夹：%s"},
    {"has invalid byte sequences; not rewritten in place, which would lose them (check --encoding)",
     "含有无效字节序列；原地改写会丢失这些字节，未改写（请检查 --encoding）"},
    {"cannot be written back byte for byte as %s; not rewritten",
     "无法按 %s 逐字节写回，未改写"},
    {"bad value '%s' for --%s", "--%2$s 的取值“%1$s”无效"},
    {"unknown --format '%s' (text, json, jsonl, csv, sarif, html)",
     "未知的 --format“%s”（可用 text、json、jsonl、csv、sarif、html）"},
    {"unknown --encoding '%s'", "未知的 --encoding“%s”"},
    {"--to takes utf-8 or gbk, not '%s'", "--to 只能是 utf-8 或 gbk，不能是“%s”"},
    {"normalize needs at least one FILE ('-' for standard input)",
     "normalize 至少需要一个文件（“-”表示标准输入）"},
    {"fix needs at least one FILE ('-' for standard input)", "fix 至少需要一个文件（“-”表示标准输入）"},
    {"--in-place and -o cannot be used together", "--in-place 与 -o 不能同时使用"},
    {"--backup goes with --in-place", "--backup 须与 --in-place 一起使用"},
    {"standard input cannot be rewritten in place", "标准输入不能原地改写"},
    {"explain needs a RULE-ID (see 'normlint rules list')", "explain 需要规则编号（见 normlint rules list）"},
    {"no rule %s (see 'normlint rules list')", "没有规则 %s（见 normlint rules list）"},
    {"unknown command '%s'", "未知的命令“%s”"},
    {"could not start worker threads; scanned on one thread", "无法启动工作线程，已改为单线程检查"},
    {"%zu problem%s in the rule files; nothing scanned", "规则文件中有 %1$zu 处问题%2$.0s，未进行检查"},
    {"%zu rule example%s failed; nothing scanned", "有 %1$zu 个规则示例未通过%2$.0s，未进行检查"},
    /* rule files (src/rules/ruleset.c) and rule examples (src/audit/ruletest.c) */
    {"row has %zu cells, the header names %zu columns",
     "这一行有 %zu 个单元格，表头只有 %zu 列"},
    {"table has no header row",
     "表格没有表头行"},
    {"table '%s': give a file name in the rules folder",
     "表格“%s”：请写规则文件夹中的文件名"},
    {"table '%s': %s",
     "表格“%s”：%s"},
    {"table '%s' is not among the built-in rule files",
     "表格“%s”不在内置规则文件中"},
    {"table '%s' has no column '%s'",
     "表格“%s”没有“%s”列"},
    {"table '%s' gives no values for {{%.*s}}",
     "表格“%s”没有为 {{%.*s}} 提供任何取值"},
    {"'{{' without '}}' in pattern",
     "pattern 中有“{{”却没有“}}”"},
    {"pattern uses {{...}} but the rule names no table",
     "pattern 使用了 {{...}}，但规则没有指定 table"},
    {"%s: %s at offset %zu",
     "%s：%s（位置 %zu）"},
    {"'%s' is given twice in rule %s",
     "规则 %2$s 中“%1$s”写了两次"},
    {"unknown category '%s' (validity, higher-law, ultra-vires, fair-competition, procedure, drafting, encoding)",
     "未知的 category“%s”（可用 validity、higher-law、ultra-vires、fair-competition、procedure、drafting、encoding）"},
    {"unknown severity '%s' (error, warning, info)",
     "未知的 severity“%s”（可用 error、warning、info）"},
    {"unknown effect '%s' (repeal, amend, extend, none)",
     "未知的 effect“%s”（可用 repeal、amend、extend、none）"},
    {"unknown kind '%s' (match, absence, check)",
     "未知的 kind“%s”（可用 match、absence、check）"},
    {"unknown scope '%s' (all, title, body, closing)",
     "未知的 scope“%s”（可用 all、title、body、closing）"},
    {"unknown issued '%s' (before, on-or-after)",
     "未知的 issued“%s”（可用 before、on-or-after）"},
    {"unknown example.mode '%s' (scan, check)",
     "未知的 example.mode“%s”（可用 scan、check）"},
    {"unknown key '%s' in rule %s",
     "规则 %2$s 中有未知的键“%1$s”"},
    {"rule %s has no 'category'",
     "规则 %s 缺少 category"},
    {"rule %s has no 'severity'",
     "规则 %s 缺少 severity"},
    {"rule %s has no 'effect'",
     "规则 %s 缺少 effect"},
    {"rule %s needs both 'message' and 'message.en'",
     "规则 %s 须同时有 message 和 message.en"},
    {"rule %s has no 'basis' (its legal basis)",
     "规则 %s 缺少 basis（法律依据）"},
    {"rule %s is kind 'check' but names no 'check'",
     "规则 %s 的 kind 为 check，但没有写 check"},
    {"rule %s has no 'pattern'",
     "规则 %s 缺少 pattern"},
    {"rule %s: 'check' goes only with kind = check",
     "规则 %s：check 只能用于 kind = check"},
    {"rule %s needs at least one 'example.match' and one 'example.nomatch'",
     "规则 %s 至少需要一条 example.match 和一条 example.nomatch"},
    {"rule %s has 'table.key' but no 'table'",
     "规则 %s 有 table.key 却没有 table"},
    {"rule %s: 'issued', 'table.date' and 'table.key' go together",
     "规则 %s：issued、table.date 和 table.key 须一起使用"},
    {"rule %s: 'table.key' names group '%s' that the pattern does not have",
     "规则 %s：table.key 指定的分组“%s”在 pattern 中不存在"},
    {"rule %s: table '%s' has no column '%s'",
     "规则 %s：表格“%s”没有“%s”列"},
    {"duplicate rule id %s (first defined at %s:%d)",
     "规则编号 %s 重复（首次定义于 %s:%d）"},
    {"bad rule header '%s': expected [RULE-ID] in capitals, digits and '-'",
     "规则标题“%s”有误：应为 [规则编号]，只含大写字母、数字和“-”"},
    {"expected 'key = value', a [RULE-ID] header or a # comment",
     "应为“键 = 值”、[规则编号] 标题或 # 注释"},
    {"'%s' stands outside a [RULE-ID] section",
     "“%s”不在任何 [规则编号] 小节内"},
    {"cannot open rules folder: %s",
     "无法打开规则文件夹：%s"},
    {"no *.rules files in this folder",
     "此文件夹中没有 *.rules 文件"},
    {"%s:%d: %s: example.register: %s\n",
     "%s:%d: %s: example.register：%s\n"},
    {"%s:%d: example of %s could not be read as text\n",
     "%s:%d: 规则 %s 的示例无法作为文本读取\n"},
    {"%s:%d: %s: example.%s %s: %s\n",
     "%s:%d: %s: example.%s %s：%s\n"},
    {"gives no finding",
     "没有报告问题"},
    {"gives a finding",
     "报告了问题"},
};
const unsigned MESSAGE_PAIR_COUNT = sizeof MESSAGE_PAIRS / sizeof *MESSAGE_PAIRS;

const char *tr(const char *en)
{
    if (english)
        return en;
    for (unsigned i = 0; i < MESSAGE_PAIR_COUNT; i++)
        if (strcmp(MESSAGE_PAIRS[i].en, en) == 0)
            return MESSAGE_PAIRS[i].zh;
    return en;
}

const char *tr_errno(int err)
{
    static const struct {
        int err;
        const char *zh;
    } names[] = {
        {ENOENT, "没有那个文件或目录"}, {EACCES, "权限不够"},       {EISDIR, "是一个目录"},
        {ENOTDIR, "路径中有一部分不是目录"}, {ENOSPC, "磁盘空间不足"}, {EROFS, "只读文件系统"},
        {ELOOP, "符号链接层次太多"},    {EIO, "输入输出错误"},     {EPERM, "不允许的操作"},
        {ENAMETOOLONG, "文件名太长"},   {EEXIST, "文件已存在"},
    };
    if (!english)
        for (unsigned i = 0; i < sizeof names / sizeof *names; i++)
            if (names[i].err == err)
                return names[i].zh;
    return strerror(err);
}
