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
