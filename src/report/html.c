/*
 * html.c - one self-contained HTML page for the people who sign off a
 * cleanup: the audit's settings, the summary with a bar chart, the
 * cleanup list (sortable by any column) and, per document, its findings
 * with the source lines and the matched span highlighted.
 *
 * Self-contained means it opens from a mail attachment or a USB stick on
 * an offline office PC: no fonts, styles, scripts or images from
 * anywhere. Its Content-Security-Policy allows exactly the one style
 * sheet and the one script written here (by their SHA-256), so even a
 * document text that slipped past the escaping could not run.
 *
 * The summary needs every document, so the page is written at the end;
 * the documents' parts are kept in memory until then.
 */
#include "printers.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sha256.h"

/* Lines of one finding shown at most (a span can run over many). */
#define MAX_SNIPPET_LINES 8

/* What outlives one document callback (printer_t.state). */
typedef struct {
    buf_t rows;       /* the cleanup list's <tr> */
    buf_t sections;   /* one <article> per document */
} html_state_t;

static html_state_t *state_of(const printer_t *p)
{
    return p->state;
}

typedef struct {
    const char *lang, *title, *as_of, *profile, *rules_hash, *tool, *documents;
    const char *summary, *chart, *failed, *severities, *list, *sort_hint, *details;
    const char *path, *encoding, *sha256, *reasons, *none, *basis, *error, *default_period;
    const char *columns[9];
} labels_t;

static const labels_t ZH = {
    "zh-CN", "规范性文件清理报告", "审查基准日", "地区配置", "规则集 SHA-256", "生成工具",
    "文件数", "汇总", "清理意见统计", "无法读取", "发现问题：错误 %zu 项，警告 %zu 项，提示 %zu 项。",
    "清理结果目录", "点击列标题排序。", "逐件审查意见", "路径", "编码", "文件 SHA-256", "理由",
    "未发现问题。", "依据", "无法读取", "（未规定有效期，按默认有效期推算）",
    {"序号", "文件名称", "文号", "成文日期", "施行日期", "有效期至", "清理意见", "理由", "路径"},
};

static const labels_t EN = {
    "en", "Normative document cleanup report", "Audit date", "Profile", "Rule set SHA-256",
    "Tool", "Documents", "Summary", "Recommendations", "could not be read",
    "Findings: %zu errors, %zu warnings, %zu notes.", "Cleanup list",
    "Click a column heading to sort.", "Documents in detail", "Path", "Encoding",
    "File SHA-256", "Reasons", "No findings.", "Basis", "Could not be read",
    " (no period stated: the default period)",
    {"No.", "Title", "Document number", "Issued", "Effective", "Expires", "Recommendation",
     "Reasons", "Path"},
};

static const char STYLE[] =
    "\n:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;"
    "--keep:#2e7d32;--extend:#b26a00;--amend:#1565c0;--repeal:#c62828;--failed:#6e7781}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:1200px;padding:24px;color:var(--fg);background:var(--bg);"
    "font:15px/1.6 \"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\","
    "\"WenQuanYi Micro Hei\",system-ui,sans-serif}\n"
    "h1{font-size:26px;margin:0 0 8px}h2{font-size:20px;margin:32px 0 12px;"
    "border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:17px;margin:0 0 8px}\n"
    "code{font-family:ui-monospace,\"DejaVu Sans Mono\",monospace;font-size:13px}\n"
    "dl.meta,dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0}\n"
    "dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}\n"
    ".chart text{font-size:14px;fill:var(--fg)}.chart .n{font-weight:600}\n"
    "table{border-collapse:collapse;width:100%;font-size:14px}\n"
    "th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}\n"
    "thead th{background:var(--soft)}thead th:first-child{white-space:nowrap}\n"
    "th button{all:unset;cursor:pointer;font-weight:600}\n"
    "th button:focus-visible{outline:2px solid var(--amend)}\n"
    "th button::after{content:\" \\2195\";color:var(--muted)}\n"
    "th[aria-sort=ascending] button::after{content:\" \\25B2\";color:var(--fg)}\n"
    "th[aria-sort=descending] button::after{content:\" \\25BC\";color:var(--fg)}\n"
    "tbody tr:nth-child(even){background:#fbfcfd}td.date{white-space:nowrap}\n"
    "td.title,td.reasons{overflow-wrap:anywhere}td.title{min-width:10em}td.reasons{min-width:16em}"
    "td.path{min-width:9em;overflow-wrap:anywhere}.scroll{overflow-x:auto}\n"
    ".hint{color:var(--muted);font-size:13px}\n"
    ".rec{display:inline-block;padding:0 8px;border-radius:10px;color:#fff;font-size:13px;"
    "white-space:nowrap}\n"
    ".rec-keep{background:var(--keep)}.rec-extend{background:var(--extend)}"
    ".rec-amend{background:var(--amend)}.rec-repeal{background:var(--repeal)}"
    ".rec-failed{background:var(--failed)}\n"
    "article.doc{border:1px solid var(--line);border-radius:6px;padding:16px;margin:16px 0}\n"
    "article.doc h3 .num{color:var(--muted);margin-right:6px}\n"
    ".reasons{margin:8px 0}.none{color:var(--keep)}.error{color:var(--repeal)}\n"
    "ol.findings{padding-left:24px}li.finding{margin:12px 0}\n"
    ".sev{font-weight:600;margin-right:4px}.sev-error .sev{color:var(--repeal)}"
    ".sev-warning .sev{color:var(--extend)}.sev-info .sev{color:var(--amend)}\n"
    ".rule,.pos{color:var(--muted);margin-left:6px}\n"
    ".snippet{background:var(--soft);border:1px solid var(--line);border-radius:4px;"
    "padding:6px 0;margin:6px 0;overflow-x:auto}\n"
    ".line{display:flex;gap:12px;padding:0 10px}"
    ".ln{color:var(--muted);min-width:3em;text-align:right;user-select:none;flex:none}\n"
    ".line code{white-space:pre-wrap;word-break:break-all;font-family:inherit;font-size:14px}\n"
    "mark{background:#ffe08a;border-bottom:2px solid #d4a000;padding:0 1px}\n"
    "mark:empty{display:inline-block;width:2px;height:1.2em;vertical-align:text-bottom;"
    "background:#d4a000}\n"
    ".more{color:var(--muted);padding:0 10px}.basis{color:var(--muted);font-size:13px;margin:4px 0}\n"
    "@media print{th button::after{content:none}article.doc{break-inside:avoid}}\n";

/* Sorts the cleanup list by the clicked column; 序号 breaks ties. */
static const char SCRIPT[] =
    "\n(function () {\n"
    "  \"use strict\";\n"
    "  var table = document.getElementById(\"cleanup\");\n"
    "  if (!table) return;\n"
    "  var body = table.tBodies[0], heads = table.tHead.rows[0].cells;\n"
    "  var lang = document.documentElement.lang;\n"
    "  function value(row, col, numeric) {\n"
    "    var cell = row.cells[col];\n"
    "    var v = cell.hasAttribute(\"data-sort\") ? cell.getAttribute(\"data-sort\") : "
    "cell.textContent;\n"
    "    return numeric ? Number(v) : v;\n"
    "  }\n"
    "  function sortBy(col) {\n"
    "    var th = heads[col], numeric = th.getAttribute(\"data-type\") === \"number\";\n"
    "    var ascending = th.getAttribute(\"aria-sort\") !== \"ascending\";\n"
    "    var rows = Array.prototype.slice.call(body.rows);\n"
    "    rows.sort(function (a, b) {\n"
    "      var x = value(a, col, numeric), y = value(b, col, numeric);\n"
    "      var d = numeric ? x - y : x.localeCompare(y, lang);\n"
    "      if (d !== 0) return ascending ? d : -d;\n"
    "      return value(a, 0, true) - value(b, 0, true);\n"
    "    });\n"
    "    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute(\"aria-sort\");\n"
    "    th.setAttribute(\"aria-sort\", ascending ? \"ascending\" : \"descending\");\n"
    "    rows.forEach(function (row) { body.appendChild(row); });\n"
    "  }\n"
    "  Array.prototype.forEach.call(heads, function (th, col) {\n"
    "    var button = th.querySelector(\"button\");\n"
    "    if (button) button.addEventListener(\"click\", function () { sortBy(col); });\n"
    "  });\n"
    "})();\n";

static const labels_t *labels(const printer_t *p)
{
    return p->cfg.english ? &EN : &ZH;
}

/*
 * Text as HTML: the five special characters as entities, ill-formed UTF-8
 * (a GBK file name) and control characters as U+FFFD. Document text is
 * untrusted: every piece of it goes through here.
 */
static void html_escape(buf_t *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '&')
            buf_puts(b, "&amp;");
        else if (c == '<')
            buf_puts(b, "&lt;");
        else if (c == '>')
            buf_puts(b, "&gt;");
        else if (c == '"')
            buf_puts(b, "&quot;");
        else if (c == '\'')
            buf_puts(b, "&#39;");
        else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
            buf_put_utf8(b, 0xFFFD);
        else if (c < 0x80)
            buf_putc(b, (char)c);
        else {
            size_t bad, len = utf8_sequence_length(s + i, n - i, &bad);
            if (len == 0)
                buf_put_utf8(b, 0xFFFD);
            else
                buf_append(b, s + i, len);
            i += (len ? len : bad) - 1;
        }
    }
}

static void html_cescape(buf_t *b, const char *s)
{
    if (s)
        html_escape(b, s, strlen(s));
}

/* Base64 of the SHA-256 of s, as a CSP source expression wants it. */
static void csp_hash(const char *s, char out[45])
{
    static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char hex[SHA256_HEX_LEN + 1];
    unsigned char raw[33] = {0};
    sha256_hex(s, strlen(s), hex);
    for (int i = 0; i < 32; i++) {
        unsigned v;
        sscanf(hex + 2 * i, "%2x", &v);
        raw[i] = (unsigned char)v;
    }
    /* 32 bytes: ten full groups of three, then two bytes and one "=". */
    char *o = out;
    for (int i = 0; i < 33; i += 3) {
        uint32_t g = (uint32_t)raw[i] << 16 | (uint32_t)raw[i + 1] << 8 | raw[i + 2];
        *o++ = B64[g >> 18 & 63];
        *o++ = B64[g >> 12 & 63];
        *o++ = B64[g >> 6 & 63];
        *o++ = i + 2 < 32 ? B64[g & 63] : '=';
    }
    *o = '\0';
}

/* Byte offset of 1-based column `col` (characters) in s[0..len), at most len. */
static size_t column_offset(const char *s, size_t len, size_t col)
{
    size_t off = 0;
    for (size_t c = 1; c < col && off < len; c++) {
        size_t bad, n = utf8_sequence_length(s + off, len - off, &bad);
        off += n ? n : bad;
    }
    return off;
}

/* One source line with columns [from, to) marked. */
static void source_line(buf_t *b, const document_t *d, size_t line, size_t from, size_t to)
{
    size_t len;
    const char *s = document_line(d, line, &len);
    size_t a = column_offset(s, len, from), z = column_offset(s, len, to);
    if (z < a)
        z = a;
    buf_printf(b, "<div class=\"line\"><span class=\"ln\">%zu</span><code>", line);
    html_escape(b, s, a);
    buf_puts(b, "<mark>");
    html_escape(b, s + a, z - a);
    buf_puts(b, "</mark>");
    html_escape(b, s + z, len - z);
    buf_puts(b, "</code></div>");
}

/* The finding's lines from the original text, the span marked. */
static void snippet(buf_t *b, const document_t *d, const finding_t *f)
{
    size_t first = f->from.line ? f->from.line : 1, last = f->to.line;
    if (last > first && f->to.column <= 1)
        last--;   /* the span ends where the next line starts */
    if (last < first)
        last = first;
    buf_puts(b, "<div class=\"snippet\">");
    for (size_t line = first; line <= last; line++) {
        if (line - first == MAX_SNIPPET_LINES) {
            buf_printf(b, "<div class=\"more\">… (%zu)</div>", last - line + 1);
            break;
        }
        size_t from = line == first ? f->from.column : 1;
        size_t to = line == f->to.line ? f->to.column : SIZE_MAX;
        source_line(b, d, line, from, to);
    }
    buf_puts(b, "</div>");
}

static void finding_html(buf_t *b, const printer_t *p, const document_t *d, const finding_t *f)
{
    const rule_t *r = f->rule;
    int en = p->cfg.english;
    buf_printf(b, "<li class=\"finding sev-%s\"><div><span class=\"sev\">%s</span> ",
               severity_name(r->severity), severity_label(r->severity, en));
    html_cescape(b, en && f->message_en ? f->message_en : f->message);
    buf_puts(b, "<code class=\"rule\">");
    html_cescape(b, r->id);
    buf_printf(b, "</code><span class=\"pos\">%zu:%zu</span></div>", f->from.line,
               f->from.column);
    snippet(b, d, f);
    if (r->basis) {
        buf_printf(b, "<p class=\"basis\">%s%s", labels(p)->basis, en ? ": " : "：");
        html_cescape(b, r->basis);
        buf_puts(b, "</p>");
    }
    buf_puts(b, "</li>");
}

static void rec_badge(buf_t *b, const printer_t *p, const doc_report_t *r)
{
    if (r->doc)
        buf_printf(b, "<span class=\"rec rec-%s\">%s</span>",
                   recommendation_name(r->decision->rec),
                   recommendation_label(r->decision->rec, p->cfg.english));
    else
        buf_printf(b, "<span class=\"rec rec-failed\">%s</span>", labels(p)->failed);
}

static void fact(buf_t *b, const char *label, const char *value, int code)
{
    buf_printf(b, "<dt>%s</dt><dd>%s", label, code ? "<code>" : "");
    html_cescape(b, value);
    buf_printf(b, "%s</dd>", code ? "</code>" : "");
}

/* A date, with a note after it when there is one. */
static void date_fact(buf_t *b, const printer_t *p, const char *label, date_t d,
                      const char *note)
{
    char text[32];
    report_date(d, p->cfg.english, text);
    buf_printf(b, "<dt>%s</dt><dd>%s%s</dd>", label, text, note && text[0] ? note : "");
}

/* What the document model says: path, 文号, dates, encoding, hash. */
static void document_facts(buf_t *b, const printer_t *p, const doc_report_t *r)
{
    const labels_t *l = labels(p);
    const document_t *d = r->doc;
    buf_puts(b, "<dl class=\"facts\">");
    fact(b, l->path, r->path, 1);
    if (d) {
        fact(b, l->columns[2], d->doc_number, 0);
        date_fact(b, p, l->columns[3], d->issued, NULL);
        date_fact(b, p, l->columns[4], d->effective, NULL);
        date_fact(b, p, l->columns[5], d->expires,
                  d->validity_source == VALIDITY_SOURCE_DEFAULT ? l->default_period : NULL);
        fact(b, l->encoding, encoding_name(d->encoding), 0);
        fact(b, l->sha256, d->sha256, 1);
    }
    buf_puts(b, "</dl>");
}

static void document_section(buf_t *b, const printer_t *p, const doc_report_t *r)
{
    const labels_t *l = labels(p);
    int en = p->cfg.english;
    buf_printf(b, "<article class=\"doc\" id=\"doc-%zu\"><h3><span class=\"num\">%zu</span>",
               p->count + 1, p->count + 1);
    html_cescape(b, report_display_name(r));
    buf_putc(b, ' ');
    rec_badge(b, p, r);
    buf_puts(b, "</h3>");
    document_facts(b, p, r);
    buf_t reasons;
    buf_init(&reasons);
    report_reasons(&reasons, r, en);
    if (!r->doc)
        buf_printf(b, "<p class=\"error\">%s%s", l->error, en ? ": " : "：");
    else if (reasons.len)
        buf_printf(b, "<p class=\"reasons\"><strong>%s%s</strong>", l->reasons, en ? ": " : "：");
    if (!r->doc || reasons.len) {
        html_escape(b, reasons.data, reasons.len);
        buf_puts(b, "</p>");
    }
    buf_free(&reasons);
    if (r->doc && r->findings->n == 0)
        buf_printf(b, "<p class=\"none\">%s</p>", l->none);
    if (r->doc && r->findings->n) {
        buf_puts(b, "<ol class=\"findings\">");
        for (size_t i = 0; i < r->findings->n; i++)
            finding_html(b, p, r->doc, &r->findings->items[i]);
        buf_puts(b, "</ol>");
    }
    buf_puts(b, "</article>\n");
}

/* A date cell: shown in the report's language, sorted by its ISO form. */
static void date_cell(buf_t *b, const printer_t *p, const document_t *d, date_t date)
{
    char iso[11] = "", text[32] = "";
    if (d && date_is_set(date)) {
        date_format_iso(date, iso);
        report_date(date, p->cfg.english, text);
    }
    buf_printf(b, "<td class=\"date\" data-sort=\"%s\">%s</td>", iso, text);
}

/* The cleanup list's row: the CSV's columns, the title linking to the details. */
static void list_row(buf_t *b, const printer_t *p, const doc_report_t *r)
{
    const document_t *d = r->doc;
    size_t n = p->count + 1;
    buf_printf(b, "<tr><td>%zu</td><td class=\"title\"><a href=\"#doc-%zu\">", n, n);
    html_cescape(b, report_display_name(r));
    buf_puts(b, "</a></td><td>");
    html_cescape(b, d ? d->doc_number : NULL);
    buf_puts(b, "</td>");
    date_cell(b, p, d, d ? d->issued : DATE_NONE);
    date_cell(b, p, d, d ? d->effective : DATE_NONE);
    date_cell(b, p, d, d ? d->expires : DATE_NONE);
    /* Sorted by weight, failures first: keep < extend < amend < repeal. */
    buf_printf(b, "<td data-sort=\"%d\">", d ? (int)r->decision->rec : -1);
    rec_badge(b, p, r);
    buf_puts(b, "</td><td class=\"reasons\">");
    buf_t reasons;
    buf_init(&reasons);
    report_reasons(&reasons, r, p->cfg.english);
    html_escape(b, reasons.data, reasons.len);
    buf_free(&reasons);
    buf_puts(b, "</td><td class=\"path\"><code>");
    html_cescape(b, r->path);
    buf_puts(b, "</code></td></tr>\n");
}

static void html_document(printer_t *p, const doc_report_t *r)
{
    list_row(&state_of(p)->rows, p, r);
    document_section(&state_of(p)->sections, p, r);
}

static void write_head(buf_t *b, const printer_t *p)
{
    const labels_t *l = labels(p);
    char style_hash[45], script_hash[45], as_of[32];
    csp_hash(STYLE, style_hash);
    csp_hash(SCRIPT, script_hash);
    report_date(p->cfg.as_of, p->cfg.english, as_of);
    buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'sha256-%s'; script-src 'sha256-%s'; img-src data:; "
                  "base-uri 'none'; form-action 'none'\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta name=\"generator\" content=\"normlint %s\">\n<title>%s · %s</title>\n"
                  "<style>%s</style>\n</head>\n<body>\n",
               l->lang, style_hash, script_hash, NORMLINT_VERSION, l->title, as_of, STYLE);
}

/* Title and the settings that make the audit reproducible. */
static void write_header(buf_t *b, const printer_t *p, const summary_t *s)
{
    const labels_t *l = labels(p);
    char as_of[32];
    report_date(p->cfg.as_of, p->cfg.english, as_of);
    buf_printf(b, "<header>\n<h1>%s</h1>\n<dl class=\"meta\"><dt>%s</dt><dd>%s</dd>", l->title,
               l->as_of, as_of);
    fact(b, l->profile, p->cfg.profile, 0);
    fact(b, l->rules_hash, p->cfg.rules_hash, 1);
    buf_printf(b, "<dt>%s</dt><dd>%zu</dd><dt>%s</dt><dd>normlint %s</dd></dl>\n</header>\n",
               l->documents, s->documents, l->tool, NORMLINT_VERSION);
}

/* The same colours as the .rec-* badges, by recommendation_t. */
static const char *const REC_COLORS[REC_COUNT] = {"#2e7d32", "#b26a00", "#1565c0", "#c62828"};

/* Horizontal bars, one per recommendation (and failures, when any). */
static void write_chart(buf_t *b, const printer_t *p, const summary_t *s)
{
    static const recommendation_t order[] = {REC_KEEP, REC_AMEND, REC_EXTEND, REC_REPEAL};
    /* Room for the longest label: 延期实施, or "could not be read". */
    const int label_w = p->cfg.english ? 150 : 110, bar_w = 380, row_h = 32;
    size_t rows = 4 + (s->failed ? 1 : 0), max = s->failed;
    for (int i = 0; i < 4; i++)
        if (s->by_rec[order[i]] > max)
            max = s->by_rec[order[i]];
    int height = (int)rows * row_h + 8;
    buf_printf(b, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                  "aria-labelledby=\"chart-title\" width=\"%d\" height=\"%d\" "
                  "viewBox=\"0 0 %d %d\"><title id=\"chart-title\">%s</title>",
               label_w + bar_w + 60, height, label_w + bar_w + 60, height, labels(p)->chart);
    for (size_t i = 0; i < rows; i++) {
        int failed = i == 4;
        size_t n = failed ? s->failed : s->by_rec[order[i]];
        int w = max ? (int)(n * (size_t)bar_w / max) : 0, y = (int)i * row_h + 4;
        buf_printf(b, "<g><text x=\"0\" y=\"%d\">%s</text>", y + 19,
                   failed ? labels(p)->failed : recommendation_label(order[i], p->cfg.english));
        buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" rx=\"3\" "
                      "fill=\"%s\"/><text class=\"n\" x=\"%d\" y=\"%d\">%zu</text></g>",
                   label_w, y + 2, w, failed ? "#6e7781" : REC_COLORS[order[i]], label_w + w + 8,
                   y + 19, n);
    }
    buf_puts(b, "</svg>\n");
}

/* summary_line's sentence, without its line end. */
static void summary_sentence(buf_t *b, const printer_t *p, const summary_t *s)
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    if (!m)
        return;
    summary_line(s, p->cfg.english, m);
    fclose(m);
    while (len && text[len - 1] == '\n')
        len--;
    html_escape(b, text, len);
    free(text);
}

static void write_summary(buf_t *b, const printer_t *p, const summary_t *s)
{
    const labels_t *l = labels(p);
    buf_printf(b, "<section id=\"summary\">\n<h2>%s</h2>\n<p>", l->summary);
    summary_sentence(b, p, s);
    buf_puts(b, "</p>\n<p>");
    buf_printf(b, l->severities, s->by_severity[SEV_ERROR], s->by_severity[SEV_WARNING],
               s->by_severity[SEV_INFO]);
    buf_puts(b, "</p>\n");
    write_chart(b, p, s);
    buf_puts(b, "</section>\n");
}

static void write_list(buf_t *b, const printer_t *p)
{
    const labels_t *l = labels(p);
    buf_printf(b, "<section id=\"list\">\n<h2>%s</h2>\n<p class=\"hint\">%s</p>\n"
                  "<div class=\"scroll\"><table id=\"cleanup\">\n<thead><tr>",
               l->list, l->sort_hint);
    for (int i = 0; i < 9; i++)
        buf_printf(b, "<th scope=\"col\"%s%s><button type=\"button\">%s</button></th>",
                   i == 0 || i == 6 ? " data-type=\"number\"" : "",
                   i == 0 ? " aria-sort=\"ascending\"" : "", l->columns[i]);
    buf_puts(b, "</tr></thead>\n<tbody>\n");
    buf_append(b, state_of(p)->rows.data, state_of(p)->rows.len);
    buf_puts(b, "</tbody>\n</table></div>\n</section>\n");
}

static void html_finish(printer_t *p, const summary_t *s)
{
    buf_t b;
    buf_init(&b);
    write_head(&b, p);
    write_header(&b, p, s);
    write_summary(&b, p, s);
    write_list(&b, p);
    buf_printf(&b, "<section id=\"documents\">\n<h2>%s</h2>\n", labels(p)->details);
    buf_append(&b, state_of(p)->sections.data, state_of(p)->sections.len);
    buf_printf(&b, "</section>\n<script>%s</script>\n</body>\n</html>\n", SCRIPT);
    fwrite(b.data, 1, b.len, p->cfg.out);
    buf_free(&b);
}

static void html_free_state(void *state)
{
    html_state_t *st = state;
    buf_free(&st->rows);
    buf_free(&st->sections);
    free(st);
}

void html_printer_init(printer_t *p)
{
    html_state_t *st = xcalloc(1, sizeof *st);
    buf_init(&st->rows);
    buf_init(&st->sections);
    p->state = st;
    p->free_state = html_free_state;
    p->document = html_document;
    p->finish = html_finish;
}
