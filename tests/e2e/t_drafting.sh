# t_drafting.sh - the drafting checks (rules/drafting.rules, src/audit/drafting.c) on the
# corpus drafts, on drafts with several errors each, and on published texts that must stay
# quiet. Expectations: corpus/EXPECTED.md §六 and the fixtures' own lines.
#
# Fixtures (fixtures/drafting/):
#   draft-numbering.txt  第二条 twice (l.11), 第三章 after 第一章 (l.12), （） (l.16), “优秀、 unclosed
#                        (l.17), “…》…” crossed (l.18), 第七条 after 第五条 (l.19)
#   draft-punct.txt      文号 (2025)07号, half-width , ; ( ), 。。 and ，，, “85.1%三是”, 2025年01月06日;
#                        line 16 has the same marks inside “” and 《》 and (A+B): not reported
#   draft-dates.txt      文号〔2026〕 after a 2025 成文日期, 2025年6月31日, 2025年3月1月, a Chinese 成文日期
#   draft-garbled.txt    a UTF-8-read-as-GBK line (l.7), 烫烫烫 (l.8)

DF=$E2E/fixtures/drafting

# dr_scan FILE...: JSON Lines in $OUT.
dr_scan() {
    run_nl scan "$@" --format jsonl --fail-on never --as-of 2026-11-26
    expect_rc 0
}

# dr_findings: "RULE LINE:COLUMN" for every drafting or encoding finding in $OUT, in order.
dr_findings() {
    grep -o '"rule":"[A-Z0-9-]*","category":"\(drafting\|encoding\)","severity":"[a-z]*","effect":"[a-z]*","line":[0-9]*,"column":[0-9]*' "$TMP/.out" \
        | sed 's/"rule":"\([^"]*\)".*"line":\([0-9]*\),"column":\([0-9]*\)/\1 \2:\3/'
}

# dr_expect WANT: the drafting findings are exactly WANT (one "RULE LINE:COL" per line).
dr_expect() {
    local got
    got=$(dr_findings)
    [ "$got" = "$1" ] || fail "drafting findings differ:
--- got
$got
--- want
$1"
}

test_drafting_corpus_draft_1() {
    dr_scan "$ROOT/corpus/drafts/2023-征求意见稿-特殊困难老年人探访关爱服务办法.txt"
    dr_expect "DRAFT-DOCNUM-BRACKETS 1:1
DRAFT-DOCNUM-LEADING-ZERO 1:11
DRAFT-HALFWIDTH-PUNCT 12:27
DRAFT-NUMBERING-GAP 14:1
DRAFT-DOUBLED-PUNCT 15:50
DRAFT-PAIR-UNMATCHED 17:14
DRAFT-TEXT-DATE-NONEXISTENT 23:13"
    expect_out_has '"message":"序号“四、”与上一序号“二、”不连续，应为“三、”"'
    expect_out_has '"message":"发文字号“湘川民发[2023]012号”的发文顺序号“012”不应编虚位，应为“12号”"'
}

test_drafting_corpus_draft_2() {
    dr_scan "$ROOT/corpus/drafts/2023-送审稿-慈善超市建设管理办法.txt"
    dr_expect "DRAFT-DOCNUM-BRACKETS 1:1
DRAFT-PAIR-UNMATCHED 7:43
DRAFT-NUMBERING-GAP 11:3
DRAFT-HALFWIDTH-PUNCT 12:22
DRAFT-DOUBLED-PUNCT 13:31
DRAFT-DATE-UNREADABLE 19:1"
    expect_out_has '"message":"序号“（三）”与上一序号“（一）”不连续，应为“（二）”"'
    expect_out_has '"message":"左书名号缺少与之配对的右书名号"'
}

test_drafting_corpus_draft_3() {
    dr_scan "$ROOT/corpus/drafts/2024-征求意见稿-殡葬服务机构信用评价办法.txt"
    # One garbled finding for the whole line 14, however many bad characters it has.
    dr_expect "DRAFT-DOCNUM-BRACKETS 1:1
DRAFT-GARBLED-TEXT 14:1
DRAFT-NUMBERING-GAP 15:1"
    expect_out_has '"category":"encoding","severity":"error","effect":"none","line":14,"column":1,"end_line":14,"end_column":51'
    expect_out_has '此行有乱码（UTF-8 文字被按 GBK 读取、“锟斤拷”、替换字符 U+FFFD）'
}

test_drafting_clean_draft_has_none() {
    dr_scan "$ROOT/corpus/drafts/2024-征求意见稿-社会救助家庭经济状况核对工作办法.txt"
    dr_expect ""
    run_nl check "$ROOT/corpus/drafts/2024-征求意见稿-社会救助家庭经济状况核对工作办法.txt" \
        --as-of 2026-11-26 --fail-on never
    if grep -q '\[\(DRAFT\|ENC\)-' "$TMP/.out"; then fail "drafting finding: $OUT"; fi
}

test_drafting_numbering_and_pairs() {
    dr_scan "$DF/draft-numbering.txt"
    dr_expect "DRAFT-NUMBERING-REPEAT 11:1
DRAFT-NUMBERING-GAP 12:1
DRAFT-NUMBERING-EMPTY 16:3
DRAFT-PAIR-UNMATCHED 17:11
DRAFT-PAIR-CROSSED 18:16
DRAFT-NUMBERING-GAP 19:1"
    expect_out_has '"message":"序号“第二条”与上一序号重复，应为“第三条”"'
    expect_out_has '"message":"序号缺少数字（“（）”），应为“（三）”"'
    expect_out_has '"message":"序号“第七条”与上一序号“第五条”不连续，应为“第六条”"'
    expect_out_has '"message":"成对标点交叉：左双引号在与之配对的右双引号之前被右书名号截断，内外层应完整嵌套"'
}

test_drafting_punctuation() {
    dr_scan "$DF/draft-punct.txt"
    dr_expect "DRAFT-DOCNUM-BRACKETS 1:1
DRAFT-DOCNUM-LEADING-ZERO 1:11
DRAFT-HALFWIDTH-PUNCT 9:9
DRAFT-HALFWIDTH-PAREN 9:26
DRAFT-DOUBLED-PUNCT 9:35
DRAFT-HALFWIDTH-PUNCT 11:12
DRAFT-DOUBLED-PUNCT 12:21
DRAFT-SENTENCE-BREAK 14:21
DRAFT-ISSUED-DATE-FORMAT 19:1"
    expect_out_has '"message":"括号“(以下简称老年人)”使用了半角括号，中文文本应使用全角括号（）"'
    expect_out_has '"message":"成文日期“2025年01月06日”应以阿拉伯数字将年、月、日标全，月、日不编虚位，写作“2025年1月6日”"'
}

test_drafting_dates() {
    dr_scan "$DF/draft-dates.txt"
    dr_expect "DRAFT-DOCNUM-FUTURE-YEAR 1:1
DRAFT-TEXT-DATE-NONEXISTENT 8:9
DRAFT-DATE-TYPO 8:27
DRAFT-ISSUED-DATE-CHINESE 12:1"
    expect_out_has '"rule":"DRAFT-ISSUED-DATE-CHINESE","category":"drafting","severity":"info"'
}

test_drafting_garbled() {
    dr_scan "$DF/draft-garbled.txt"
    dr_expect "DRAFT-GARBLED-TEXT 7:1
DRAFT-NUMBERING-GAP 8:1
DRAFT-GARBLED-TEXT 8:1"
    expect_out_has '此行有乱码（“烫烫烫”）'
}

test_drafting_english_messages() {
    run_nl explain DRAFT-PAIR-UNMATCHED
    expect_rc 0
    expect_out_has 'GB/T 15834-2011'
    dr_scan "$DF/draft-numbering.txt" --lang en
    expect_out_has '"message":"number \"第二条\" repeats the one before; expected \"第三条\""'
    expect_out_has '"message":"opening quotation mark “ has no matching ”"'
}

# Published documents: the only drafting findings in the corpus are the three 成文日期
# written in Chinese numerals after GB/T 9704-2012 took effect (info, no effect on the
# recommendation). Everything else — wrapped titles with 《…》 over two lines, （一） restarting
# under each heading, GBK / UTF-16 / CRLF files — is quiet.
test_drafting_published_corpus_is_quiet() {
    (cd "$ROOT" && "$NORMLINT" scan --ext txt corpus --format jsonl --fail-on never \
        --as-of 2026-11-26) > "$TMP/.out" 2>/dev/null || true
    local got
    got=$(grep -v '"path":"corpus/drafts/' "$TMP/.out" | dr_findings_stdin | sort | uniq -c | sed 's/^ *//')
    [ "$got" = "3 DRAFT-ISSUED-DATE-CHINESE" ] || fail "drafting findings on published documents:
$got"
    for f in 2015-湘川政发 2016-湘川民发-殡葬 2017-湘川政办发; do
        grep "\"path\":\"corpus/$f" "$TMP/.out" | grep -q '"rule":"DRAFT-ISSUED-DATE-CHINESE"' \
            || fail "$f: no DRAFT-ISSUED-DATE-CHINESE"
    done
}

# dr_findings_stdin: the rule of every drafting or encoding finding on standard input.
dr_findings_stdin() {
    grep -o '"rule":"[A-Z0-9-]*","category":"\(drafting\|encoding\)"' | sed 's/"rule":"\([^"]*\)".*/\1/'
}

test_drafting_real_samples() {
    # Real published texts with real slips (shared/samples/real, see sources.tsv).
    local real=$ROOT/../shared/samples/real
    [ -d "$real" ] || fail "missing $real"
    dr_scan "$real/03.txt"
    dr_expect "DRAFT-HALFWIDTH-PUNCT 14:260
DRAFT-HALFWIDTH-PUNCT 15:127"
    dr_scan "$real/05.txt"
    dr_expect "DRAFT-HALFWIDTH-PAREN 3:100
DRAFT-HALFWIDTH-PAREN 3:152
DRAFT-HALFWIDTH-PAREN 6:40
DRAFT-HALFWIDTH-PUNCT 28:18
DRAFT-HALFWIDTH-PUNCT 29:18
DRAFT-HALFWIDTH-PUNCT 42:21"
    # 11.txt: “2020年3月1月” is a typo; 《…标准(试行)》 is a title, quoted as written.
    dr_scan "$real/11.txt"
    dr_expect "DRAFT-DATE-TYPO 65:12"
    # 07.txt is clean; 08.txt is PDF text with hard line breaks inside 《》 and “”.
    dr_scan "$real/07.txt" "$real/08.txt"
    dr_expect ""
}
