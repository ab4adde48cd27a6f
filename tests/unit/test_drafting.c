/*
 * test_drafting.c - the drafting checks computed in code (src/audit/drafting.c)
 * with the built-in rule set: 文号 serial and year, the way the 成文日期 is
 * written, nonexistent dates in the text, numbering (gaps, repeats, lost
 * numbers, restarts, Chinese numerals past 十), paired punctuation
 * (unmatched, crossed, nesting, wrapped lines, list markers, apostrophes,
 * multi-paragraph quotations) and garbled lines; and the clean draft of
 * the corpus, which must give no drafting or encoding finding at all.
 */
#include "testutil.h"

#include "audit/audit.h"
#include "audit/profile.h"
#include "rules/ruleset.h"

static ruleset_t *rules;
static profile_t *profile;

static int setup(void **state)
{
    (void)state;
    rules = ruleset_new();
    rule_diags_t d = {0};
    int errors = ruleset_load_builtin(rules, &d);
    rule_diags_free(&d);
    char err[256];
    profile = profile_load("hunan", NULL, err, sizeof err);
    return errors != 0 || profile == NULL;
}

static int teardown(void **state)
{
    (void)state;
    ruleset_free(rules);
    profile_free(profile);
    return 0;
}

/* ---- helpers ------------------------------------------------------------------ */

typedef struct {
    document_t doc;
    findings_t f;
} audited_t;

static void audit_bytes(const char *bytes, size_t n, audited_t *a)
{
    assert_int_equal(document_load("t.txt", bytes, n, ENC_AUTO, &a->doc), DECODE_OK);
    memset(&a->f, 0, sizeof a->f);
    audit_options_t o = {.rules = rules, .profile = profile, .as_of = {2026, 1, 1}};
    matcher_t *m = matcher_new(rules);
    audit_document(&o, m, &a->doc, &a->f);
    matcher_free(m);
}

static void audit_text(const char *text, audited_t *a)
{
    audit_bytes(text, strlen(text), a);
}

static void done(audited_t *a)
{
    findings_free(&a->f);
    document_free(&a->doc);
}

static size_t count_rule(const audited_t *a, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < a->f.n; i++)
        n += strcmp(a->f.items[i].rule->id, id) == 0;
    return n;
}

static void expect_count(const audited_t *a, const char *id, size_t n)
{
    size_t got = count_rule(a, id);
    if (got != n) {
        for (size_t i = 0; i < a->f.n; i++)
            print_error("  %s %zu:%zu %s\n", a->f.items[i].rule->id, a->f.items[i].from.line,
                        a->f.items[i].from.column, a->f.items[i].message);
        fail_msg("%s: %zu findings, want %zu", id, got, n);
    }
}

/* Findings of the drafting and encoding categories. */
static size_t count_drafting(const audited_t *a)
{
    size_t n = 0;
    for (size_t i = 0; i < a->f.n; i++) {
        category_t c = a->f.items[i].rule->category;
        n += c == CAT_DRAFTING || c == CAT_ENCODING;
    }
    return n;
}

/* Exactly n drafting and encoding findings; lists them all when not. */
static void expect_drafting(const audited_t *a, size_t n)
{
    size_t got = count_drafting(a);
    if (got == n)
        return;
    for (size_t i = 0; i < a->f.n; i++)
        print_error("  %s %zu:%zu %s\n", a->f.items[i].rule->id, a->f.items[i].from.line,
                    a->f.items[i].from.column, a->f.items[i].message);
    fail_msg("%zu drafting/encoding findings, want %zu", got, n);
}

static const finding_t *nth_of(const audited_t *a, const char *id, size_t k)
{
    for (size_t i = 0; i < a->f.n; i++)
        if (strcmp(a->f.items[i].rule->id, id) == 0 && k-- == 0)
            return &a->f.items[i];
    fail_msg("no finding %zu of rule %s", k, id);
    return NULL;
}

static void expect_at(const finding_t *x, size_t l1, size_t c1, size_t l2, size_t c2)
{
    if (x->from.line != l1 || x->from.column != c1 || x->to.line != l2 || x->to.column != c2)
        fail_msg("%s \"%s\" at %zu:%zu-%zu:%zu, want %zu:%zu-%zu:%zu", x->rule->id, x->excerpt,
                 x->from.line, x->from.column, x->to.line, x->to.column, l1, c1, l2, c2);
}

/* The one finding of `id`, at the given span, with this Chinese message. */
static void expect_one(const audited_t *a, const char *id, size_t l1, size_t c1, size_t l2,
                       size_t c2, const char *message)
{
    expect_count(a, id, 1);
    const finding_t *x = nth_of(a, id, 0);
    expect_at(x, l1, c1, l2, c2);
    if (message)
        assert_string_equal(x->message, message);
}

#define HEAD "湘川市民政局关于探访关爱服务的通知\n\n各县市区民政局：\n"
#define TAIL "湘川市民政局\n2023年1月16日\n"

/* ---- 文号 ----------------------------------------------------------------------- */

static void test_docnum_leading_zero(void **state)
{
    (void)state;
    audited_t a;
    audit_text("湘川民发〔2023〕012号\n湘川市民政局关于探访关爱服务的通知\n", &a);
    expect_one(&a, "DRAFT-DOCNUM-LEADING-ZERO", 1, 11, 1, 14,
               "发文字号“湘川民发〔2023〕012号”的发文顺序号“012”不应编虚位，应为“12号”");
    expect_count(&a, "DRAFT-DOCNUM-BRACKETS", 0);
    done(&a);

    /* Full-width digits are folded first; 10号 has no leading zero. */
    audit_text("湘川民发〔２０２３〕００７号\n湘川市民政局关于探访关爱服务的通知\n", &a);
    expect_count(&a, "DRAFT-DOCNUM-LEADING-ZERO", 1);
    assert_string_equal(nth_of(&a, "DRAFT-DOCNUM-LEADING-ZERO", 0)->message_en,
                        "the serial number \"007\" of document number \"湘川民发〔2023〕007号\" "
                        "must not have leading zeros: write \"7号\"");
    done(&a);
    audit_text("湘川民发〔2023〕10号\n湘川市民政局关于探访关爱服务的通知\n", &a);
    expect_count(&a, "DRAFT-DOCNUM-LEADING-ZERO", 0);
    done(&a);
}

static void test_docnum_year_after_issue(void **state)
{
    (void)state;
    audited_t a;
    audit_text("湘川民发〔2024〕3号\n" HEAD "请认真贯彻执行。\n湘川市民政局\n2023年12月20日\n", &a);
    expect_one(&a, "DRAFT-DOCNUM-FUTURE-YEAR", 1, 1, 1, 13,
               "发文字号“湘川民发〔2024〕3号”的年份2024晚于成文日期2023年12月20日，年份或日期有误");
    done(&a);
    /* The same year, and no 成文日期 at all (the year is then the only date): nothing. */
    audit_text("湘川民发〔2023〕3号\n" HEAD "请认真贯彻执行。\n湘川市民政局\n2023年12月20日\n", &a);
    expect_count(&a, "DRAFT-DOCNUM-FUTURE-YEAR", 0);
    done(&a);
    audit_text("湘川民发〔2024〕3号\n" HEAD "请认真贯彻执行。\n", &a);
    expect_count(&a, "DRAFT-DOCNUM-FUTURE-YEAR", 0);
    done(&a);
}

/* ---- 成文日期 and dates -------------------------------------------------------------- */

static void test_issued_date_format(void **state)
{
    (void)state;
    audited_t a;
    audit_text(HEAD "请认真贯彻执行。\n湘川市民政局\n2023年11月08日\n", &a);
    expect_one(&a, "DRAFT-ISSUED-DATE-FORMAT", 6, 1, 6, 12,
               "成文日期“2023年11月08日”应以阿拉伯数字将年、月、日标全，月、日不编虚位，写作“2023年11月8日”");
    done(&a);
    audit_text(HEAD "请认真贯彻执行。\n湘川市民政局\n2023-11-08\n", &a);
    expect_count(&a, "DRAFT-ISSUED-DATE-FORMAT", 1);
    done(&a);
    audit_text(HEAD "请认真贯彻执行。\n湘川市民政局\n2023年11月8日\n", &a);
    expect_count(&a, "DRAFT-ISSUED-DATE-FORMAT", 0);
    expect_count(&a, "DRAFT-ISSUED-DATE-CHINESE", 0);
    done(&a);
    /* Unreadable and nonexistent dates have their own rules; nothing is said twice. */
    audit_text(HEAD "请认真贯彻执行。\n湘川市民政局\n2023年2月30日\n", &a);
    expect_count(&a, "DRAFT-DATE-NONEXISTENT", 1);
    expect_count(&a, "DRAFT-ISSUED-DATE-FORMAT", 0);
    expect_count(&a, "DRAFT-TEXT-DATE-NONEXISTENT", 0);
    done(&a);
}

static void test_issued_date_chinese(void **state)
{
    (void)state;
    audited_t a;
    audit_text(HEAD "请认真贯彻执行。\n湘川市民政局\n二〇一六年五月十日\n", &a);
    expect_one(&a, "DRAFT-ISSUED-DATE-CHINESE", 6, 1, 6, 10, NULL);
    const finding_t *x = nth_of(&a, "DRAFT-ISSUED-DATE-CHINESE", 0);
    assert_int_equal(x->rule->severity, SEV_INFO);
    assert_non_null(strstr(x->message, "写作“2016年5月10日”"));
    done(&a);
    /* Before GB/T 9704-2012 (2012-07-01) Chinese numerals were the rule. */
    audit_text(HEAD "请认真贯彻执行。\n湘川市民政局\n二〇一二年六月三十日\n", &a);
    expect_count(&a, "DRAFT-ISSUED-DATE-CHINESE", 0);
    done(&a);
    audit_text(HEAD "请认真贯彻执行。\n湘川市民政局\n二〇一二年七月一日\n", &a);
    expect_count(&a, "DRAFT-ISSUED-DATE-CHINESE", 1);
    done(&a);
}

static void test_text_date_nonexistent(void **state)
{
    (void)state;
    audited_t a;
    audit_text(HEAD "征求意见截止时间为2023年2月30日，自2024年2月29日起施行。\n" TAIL, &a);
    expect_one(&a, "DRAFT-TEXT-DATE-NONEXISTENT", 4, 10, 4, 20,
               "日期“2023年2月30日”不存在（日历上没有这一天）");
    done(&a);
}

/* ---- numbering ---------------------------------------------------------------------- */

static void test_numbering_gap_heading(void **state)
{
    (void)state;
    audited_t a;
    audit_text(HEAD "一、目的\n现就有关事项通知如下。\n二、对象\n本市户籍老年人。\n四、内容\n每月一次。\n"
                    "五、保障\n统筹安排经费。\n" TAIL,
               &a);
    expect_one(&a, "DRAFT-NUMBERING-GAP", 8, 1, 8, 3,
               "序号“四、”与上一序号“二、”不连续，应为“三、”");
    assert_string_equal(nth_of(&a, "DRAFT-NUMBERING-GAP", 0)->message_en,
                        "number \"四、\" does not follow \"二、\"; expected \"三、\"");
    done(&a);
}

static void test_numbering_items_restart_under_heading(void **state)
{
    (void)state;
    audited_t a;
    audit_text(HEAD "一、目的\n（一）依据法律。\n（二）结合实际。\n二、对象\n（一）户籍老年人。\n"
                    "（二）其他老年人。\n1.独居的；\n2.空巢的。\n（三）其他。\n1.失能的。\n" TAIL,
               &a);
    expect_drafting(&a, 0);
    done(&a);
}

static void test_numbering_item_gap_half_width(void **state)
{
    (void)state;
    audited_t a;
    /* The expected number is written the way the document writes it. */
    audit_text(HEAD "一、目的\n(一)依据法律。\n(三)结合实际。\n" TAIL, &a);
    expect_one(&a, "DRAFT-NUMBERING-GAP", 6, 1, 6, 4,
               "序号“(三)”与上一序号“(一)”不连续，应为“(二)”");
    done(&a);
    audit_text(HEAD "一、目的\n1．依据法律。\n3．结合实际。\n（1）其一。\n（3）其三。\n" TAIL, &a);
    expect_count(&a, "DRAFT-NUMBERING-GAP", 2);
    assert_non_null(strstr(nth_of(&a, "DRAFT-NUMBERING-GAP", 0)->message, "应为“2．”"));
    assert_non_null(strstr(nth_of(&a, "DRAFT-NUMBERING-GAP", 1)->message, "应为“（2）”"));
    done(&a);
}

static void test_numbering_articles_run_through_chapters(void **state)
{
    (void)state;
    audited_t a;
    audit_text("湘川市社会救助办法\n\n第一章　总则\n第一条　为规范社会救助，制定本办法。\n"
               "第二条　本办法适用于本市。\n第二章　附则\n第三条　本办法自印发之日起施行。\n",
               &a);
    expect_drafting(&a, 0);
    done(&a);
    /* A chapter skipped, and an article repeated. */
    audit_text("湘川市社会救助办法\n\n第一章　总则\n第一条　为规范社会救助，制定本办法。\n"
               "第三章　附则\n第一条　本办法自印发之日起施行。\n第二条　同上。\n第二条　同上。\n",
               &a);
    expect_one(&a, "DRAFT-NUMBERING-GAP", 5, 1, 5, 4,
               "序号“第三章”与上一序号“第一章”不连续，应为“第二章”");
    expect_one(&a, "DRAFT-NUMBERING-REPEAT", 8, 1, 8, 4,
               "序号“第二条”与上一序号重复，应为“第三条”");
    done(&a);
}

static void test_numbering_one_mistake_one_finding(void **state)
{
    (void)state;
    audited_t a;
    /* A typo: the second 二、 should be 三、, and 四、 follows it. */
    audit_text(HEAD "一、甲\n二、乙\n二、丙\n四、丁\n五、戊\n" TAIL, &a);
    expect_one(&a, "DRAFT-NUMBERING-REPEAT", 6, 1, 6, 3, "序号“二、”与上一序号重复，应为“三、”");
    expect_count(&a, "DRAFT-NUMBERING-GAP", 0);
    done(&a);
    /* An article inserted without renumbering: the rest goes on from the number written. */
    audit_text(HEAD "第一条　甲。\n第二条　乙。\n第二条　丙。\n第三条　丁。\n" TAIL, &a);
    expect_count(&a, "DRAFT-NUMBERING-REPEAT", 1);
    expect_count(&a, "DRAFT-NUMBERING-GAP", 0);
    done(&a);
    /* A typo the other way: 第三条 for 第二条, then the real 第三条. */
    audit_text(HEAD "第一条　甲。\n第三条　乙。\n第三条　丙。\n第四条　丁。\n" TAIL, &a);
    expect_one(&a, "DRAFT-NUMBERING-GAP", 5, 1, 5, 4, "序号“第三条”与上一序号“第一条”不连续，应为“第二条”");
    expect_count(&a, "DRAFT-NUMBERING-REPEAT", 0);
    done(&a);
}

static void test_numbering_large_chinese_numerals(void **state)
{
    (void)state;
    audited_t a;
    buf_t b;
    buf_init(&b);
    buf_puts(&b, "湘川市社会救助办法\n\n");
    static const char *const n[] = {"第十八条", "第十九条", "第二十一条", "第九十八条",
                                    "第九十九条", "第一百零一条", "第一百零九条", "第一百一十条",
                                    "第一百一十二条"};
    for (size_t i = 0; i < 9; i++)
        buf_printf(&b, "%s　本办法适用于本市。\n", n[i]);
    audit_text(b.data, &a);
    buf_free(&b);
    expect_count(&a, "DRAFT-NUMBERING-GAP", 5);
    assert_non_null(strstr(nth_of(&a, "DRAFT-NUMBERING-GAP", 0)->message, "应为“第二十条”"));
    assert_non_null(strstr(nth_of(&a, "DRAFT-NUMBERING-GAP", 1)->message, "应为“第二十二条”"));
    assert_non_null(strstr(nth_of(&a, "DRAFT-NUMBERING-GAP", 2)->message, "应为“第一百条”"));
    assert_non_null(strstr(nth_of(&a, "DRAFT-NUMBERING-GAP", 3)->message, "应为“第一百零二条”"));
    assert_non_null(strstr(nth_of(&a, "DRAFT-NUMBERING-GAP", 4)->message, "应为“第一百一十一条”"));
    done(&a);
}

static void test_numbering_lost_number(void **state)
{
    (void)state;
    audited_t a;
    audit_text(HEAD "一、内容\n（一）身体状况。\n（）宣传政策。\n（三）防范诈骗。\n、保障\n统筹经费。\n" TAIL,
               &a);
    expect_count(&a, "DRAFT-NUMBERING-EMPTY", 2);
    const finding_t *x = nth_of(&a, "DRAFT-NUMBERING-EMPTY", 0);
    expect_at(x, 6, 1, 6, 3);
    assert_string_equal(x->message, "序号缺少数字（“（）”），应为“（二）”");
    x = nth_of(&a, "DRAFT-NUMBERING-EMPTY", 1);
    expect_at(x, 8, 1, 8, 2);
    assert_string_equal(x->message, "序号缺少数字（“、”），应为“二、”");
    /* The lost number is taken as given: （三） follows on. */
    expect_count(&a, "DRAFT-NUMBERING-GAP", 0);
    done(&a);
    /* （ ）同意 outside a numbered list is a box to tick, not a lost number. */
    audit_text(HEAD "（ ）同意\n（）不同意\n" TAIL, &a);
    expect_drafting(&a, 0);
    done(&a);
}

static void test_numbering_near_misses(void **state)
{
    (void)state;
    audited_t a;
    /* References and amounts at a line start are not markers; 1 restarts a list. */
    audit_text(HEAD "第一条　总则。\n第五条规定的情形除外。\n第二条　其他。\n一、二类对象。\n"
                    "1.5万元以下的。\n3、4月份的。\n（一般情况下）不予受理。\n1、甲；\n2、乙。\n"
                    "有以下情形的：\n1、丙；\n2、丁。\n" TAIL,
               &a);
    expect_drafting(&a, 0);
    done(&a);
}

/* ---- paired punctuation ---------------------------------------------------------------- */

static void test_pair_unmatched_opening(void **state)
{
    (void)state;
    audited_t a;
    audit_text(HEAD "发现老年人处于“无人照料状态的，应当及时报告。\n" TAIL, &a);
    expect_one(&a, "DRAFT-PAIR-UNMATCHED", 4, 8, 4, 9, "左双引号缺少与之配对的右双引号");
    assert_string_equal(nth_of(&a, "DRAFT-PAIR-UNMATCHED", 0)->message_en,
                        "opening quotation mark “ has no matching ”");
    done(&a);
    /* Not closed by the next paragraph either: the sentence ended. */
    audit_text(HEAD "根据《中华人民共和国慈善法和有关规定，制定本办法。\n第二条　依照《条例》执行。\n" TAIL,
               &a);
    expect_one(&a, "DRAFT-PAIR-UNMATCHED", 4, 3, 4, 4, "左书名号缺少与之配对的右书名号");
    done(&a);
}

static void test_pair_unmatched_closing(void **state)
{
    (void)state;
    audited_t a;
    audit_text(HEAD "探访对象为独居老年人）。\n" TAIL, &a);
    expect_one(&a, "DRAFT-PAIR-UNMATCHED", 4, 11, 4, 12, "右括号缺少与之配对的左括号");
    done(&a);
}

static void test_pair_crossed(void **state)
{
    (void)state;
    audited_t a;
    audit_text(HEAD "依照《关于“加强探访》的通知”执行。\n" TAIL, &a);
    expect_one(&a, "DRAFT-PAIR-CROSSED", 4, 6, 4, 7, NULL);
    assert_non_null(strstr(nth_of(&a, "DRAFT-PAIR-CROSSED", 0)->message, "被右书名号截断"));
    expect_count(&a, "DRAFT-PAIR-UNMATCHED", 0);
    done(&a);
}

static void test_pair_near_misses(void **state)
{
    (void)state;
    audited_t a;
    audit_text(HEAD
               "依照《中华人民共和国〈老年人权益保障法〉释义》和“就近就便”原则（试行）办理。\n"
               "探访内容包括：\n1)身体状况；\n2)生活状况；a)饮食，b)起居。\n一）其他。\n"
               "引用Children’s Fund的做法。\n"
               "第五条修改为：\n“第五条　老年人应当……\n“第六条　子女应当……”\n" TAIL,
               &a);
    expect_drafting(&a, 0);
    done(&a);
}

static void test_pair_wrapped_lines(void **state)
{
    (void)state;
    audited_t a;
    /* A title wrapped inside 《》, and text extracted from a PDF with hard line breaks. */
    audit_text("湘川市民政局关于印发《湘川市特殊困难老年人\n探访关爱服务办法》的通知\n\n各县市区民政局：\n"
               "根据《湖北省人力资源和社会保障厅、湖北省财政厅、国家\n"
               "税务总局湖北省税务局关于工伤保险基金省级统筹的实施意见》\n"
               "（鄂人社发〔2020〕58 号）要求，现将“统筹地区上年度职工月平均工\n"
               "资”明确如下。\n" TAIL,
               &a);
    expect_drafting(&a, 0);
    done(&a);
}

/* ---- garbled text ------------------------------------------------------------------------ */

static void test_garbled_one_finding_per_line(void **state)
{
    (void)state;
    audited_t a;
    audit_text("湘川市殡葬服务机构信用评价办法\n\n第一条　为加强信用体系建设，制定本办法。\n"
               "绗�涓冩潯銆�娈¤懍鏈嶅姟鏈烘瀯鐨勪俊鐢ㄨ瘎浠风粨鏋滃垎涓篈銆丅銆丆銆丏鍥涗釜绛夌骇銆�锟斤拷锟斤拷\n"
               "第二条　本办法自印发之日起施行。\n",
               &a);
    expect_count(&a, "DRAFT-GARBLED-TEXT", 1);
    const finding_t *x = nth_of(&a, "DRAFT-GARBLED-TEXT", 0);
    expect_at(x, 4, 1, 4, 51);
    assert_string_equal(x->message,
                        "此行有乱码（UTF-8 文字被按 GBK 读取、“锟斤拷”、替换字符 U+FFFD），请核对原文");
    assert_int_equal(x->rule->category, CAT_ENCODING);
    /* The garbled line hides no numbering or pair finding. */
    expect_count(&a, "DRAFT-NUMBERING-GAP", 0);
    expect_count(&a, "DRAFT-PAIR-UNMATCHED", 0);
    done(&a);
}

static void test_garbled_signatures(void **state)
{
    (void)state;
    audited_t a;
    audit_text(HEAD "烫烫烫烫烫烫\n屯屯屯屯\n建设锟斤拷制定\n" TAIL, &a);
    expect_count(&a, "DRAFT-GARBLED-TEXT", 3);
    done(&a);
}

static void test_garbled_near_misses(void **state)
{
    (void)state;
    audited_t a;
    /* Traditional characters and rare simplified ones are text, not mojibake. */
    audit_text(HEAD "罹患重特大疾病的，鍋爐壓力容器檢驗機構錄於項電應當依法辦理。\n" TAIL, &a);
    expect_count(&a, "DRAFT-GARBLED-TEXT", 0);
    done(&a);
    /* A bad byte is ENC-INVALID-BYTES's, not a garbled line. */
    static const char bad[] = HEAD "关于做好\xFF最低生活保障工作。\n" TAIL;
    audit_bytes(bad, sizeof bad - 1, &a);
    expect_count(&a, "ENC-INVALID-BYTES", 1);
    expect_count(&a, "DRAFT-GARBLED-TEXT", 0);
    done(&a);
}

/* ---- the corpus drafts ------------------------------------------------------------------- */

static void audit_file(const char *path, audited_t *a)
{
    buf_t b;
    buf_init(&b);
    if (read_file(path, &b) != 0)
        fail_msg("cannot read %s", path);
    audit_bytes(b.data, b.len, a);
    buf_free(&b);
}

static void test_clean_draft_has_no_finding(void **state)
{
    (void)state;
    audited_t a;
    audit_file("../../corpus/drafts/2024-征求意见稿-社会救助家庭经济状况核对工作办法.txt", &a);
    expect_drafting(&a, 0);
    done(&a);
}

static void test_draft_with_errors(void **state)
{
    (void)state;
    audited_t a;
    audit_file("../../corpus/drafts/2023-征求意见稿-特殊困难老年人探访关爱服务办法.txt", &a);
    expect_one(&a, "DRAFT-DOCNUM-BRACKETS", 1, 1, 1, 15, NULL);
    expect_one(&a, "DRAFT-DOCNUM-LEADING-ZERO", 1, 11, 1, 14, NULL);
    expect_one(&a, "DRAFT-HALFWIDTH-PUNCT", 12, 27, 12, 28, NULL);
    expect_one(&a, "DRAFT-NUMBERING-GAP", 14, 1, 14, 3, NULL);
    expect_one(&a, "DRAFT-DOUBLED-PUNCT", 15, 50, 15, 52, NULL);
    expect_one(&a, "DRAFT-PAIR-UNMATCHED", 17, 14, 17, 15, NULL);
    expect_one(&a, "DRAFT-TEXT-DATE-NONEXISTENT", 23, 13, 23, 23, NULL);
    expect_drafting(&a, 7);
    done(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_docnum_leading_zero),
        cmocka_unit_test(test_docnum_year_after_issue),
        cmocka_unit_test(test_issued_date_format),
        cmocka_unit_test(test_issued_date_chinese),
        cmocka_unit_test(test_text_date_nonexistent),
        cmocka_unit_test(test_numbering_gap_heading),
        cmocka_unit_test(test_numbering_items_restart_under_heading),
        cmocka_unit_test(test_numbering_item_gap_half_width),
        cmocka_unit_test(test_numbering_articles_run_through_chapters),
        cmocka_unit_test(test_numbering_one_mistake_one_finding),
        cmocka_unit_test(test_numbering_large_chinese_numerals),
        cmocka_unit_test(test_numbering_lost_number),
        cmocka_unit_test(test_numbering_near_misses),
        cmocka_unit_test(test_pair_unmatched_opening),
        cmocka_unit_test(test_pair_unmatched_closing),
        cmocka_unit_test(test_pair_crossed),
        cmocka_unit_test(test_pair_near_misses),
        cmocka_unit_test(test_pair_wrapped_lines),
        cmocka_unit_test(test_garbled_one_finding_per_line),
        cmocka_unit_test(test_garbled_signatures),
        cmocka_unit_test(test_garbled_near_misses),
        cmocka_unit_test(test_clean_draft_has_no_finding),
        cmocka_unit_test(test_draft_with_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
