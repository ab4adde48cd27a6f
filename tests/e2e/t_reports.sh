# t_reports.sh - the reports for people and other tools: --format csv (the
# cleanup result list a clerk opens in Excel or WPS), sarif (GitHub code
# scanning) and html (one page to read and sign off). docs/reports.md
# describes all three.
#
# fixtures/reports (copied to $TMP/docs) holds six short documents of the
# fictional 湘川市民政局, written for these tests. Each takes effect more than
# 30 days after its date, so that no procedure note gets in the way.
#
#   a-expired.txt          有效期至2023年4月30日: VAL-EXPIRED at 8:22-8:36, 废止
#   b-formula.txt          title =HYPERLINK("http://example.invalid/","…"): a
#                          formula with quotes and a comma; 有效期5年 from
#                          2024-04-01 to 2029-03-31, no finding, 保留
#   c-script.txt           <script>alert(1)</script> in the title and in line 6;
#                          《中华人民共和国婚姻法》 at 6:5-6:17 (issued 2019, before
#                          its repeal: HL-REPEALED-LAW-CITED), 有效期5年 from
#                          2019-07-01 ended 2024-06-30: VAL-EXPIRED at 7:20-7:25;
#                          废止 for both reasons, the repeal first
#   d-keep-quotes.txt      title with ASCII "" and a comma; 文号 湘川民发[2025]8号:
#                          DRAFT-DOCNUM-BRACKETS at 1:1-1:13 (effect none), 保留;
#                          有效期3年 from 2025-10-08 to 2028-10-07
#   e-amend-two-laws.txt   《中华人民共和国婚姻法》 at 6:11-6:23 and 《合同法》 at
#                          7:11-7:16 (the same rule, two messages), 有效期至
#                          2027年3月31日 within 6 months: VAL-EXPIRING at 8:20-8:34;
#                          修改 (amend outweighs extend; all three are reasons)
#   f-untitled.txt         no title and no 有效期: 文件名称 is the file name;
#                          5 years from 2025-11-10 to 2030-11-09: VAL-NO-PERIOD
#                          at 1:1-1:1 (an empty span), 保留
#
# and every scan also names '@missing,"x".txt', which does not exist: a
# failed document, sorted first ("@" < "d"). Columns were counted by hand,
# in characters: line 6 of c-script is 　　依据《…》, two U+3000 and 依据, so
# 《 is column 5 and 《中华人民共和国婚姻法》 (12 characters) ends before 17.
#
# The audit date is always --as-of 2026-11-26.

RP_FIX=$E2E/fixtures/reports
RP_EXP=$E2E/expected/reports
RP_ASOF=2026-11-26
RP_MISSING='@missing,"x".txt'
RP_SCHEMA=$ROOT/../shared/schemas/sarif-schema-2.1.0.json
# Debian's python3, where python3-jsonschema installs (tools/ensure-deps.sh).
RP_PY=/usr/bin/python3

rp_setup() { cp -r "$RP_FIX" "$TMP/docs"; }

# rp_scan FORMAT [ARGS...]: scan docs and the missing file into report.FORMAT.
rp_scan() {
    local format=$1
    shift
    run_nl scan --as-of "$RP_ASOF" --format "$format" -o "report.$format" "$@" docs "$RP_MISSING"
    expect_rc 2   # a file could not be read
}

# skip MESSAGE: end the current test without failing it, saying why.
skip() {
    local f
    for f in "${FUNCNAME[@]}"; do
        case $f in test_*) echo "    SKIP $f: $*" >&2; return 0 ;; esac
    done
}

# rp_need WHAT PROBE: make sure a test tool is there, installing it through
# tools/ensure-deps.sh (what `make check` runs first) when it is not. Returns
# 1 (skip) only where it cannot be installed, i.e. not as root; as root (and
# so in CI) a missing tool is a failure.
rp_need() {
    local what=$1 probe=$2
    eval "$probe" >/dev/null 2>&1 && return 0
    "$ROOT/tools/ensure-deps.sh" check >/dev/null 2>&1 || true
    eval "$probe" >/dev/null 2>&1 && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "    $what is missing and tools/ensure-deps.sh check could not install it" >&2
        exit 1
    fi
    skip "$what is not installed and cannot be installed without root (run: sudo tools/ensure-deps.sh check)"
    return 1
}

# ---------------------------------------------------------------- CSV

# Every cell of expected/reports/cleanup.csv was written by hand (see the
# README there): BOM, CRLF, quoting, the neutralised formula, 理由 joined with ；.
test_csv_matches_expected() {
    rp_setup
    rp_scan csv
    expect_same_file report.csv "$RP_EXP/cleanup.csv"
    expect_err_has '7 个文件：保留 3，修改 1，延期实施 0，废止 2，1 个无法读取。'
}

test_csv_to_stdout_same_as_file() {
    rp_setup
    rp_scan csv
    run_nl scan --as-of "$RP_ASOF" --format csv docs "$RP_MISSING"
    expect_rc 2
    expect_same_file "$TMP/.out" report.csv
}

# The bytes Excel and WPS need: a UTF-8 BOM and CRLF after every row.
test_csv_bom_and_crlf() {
    rp_setup
    rp_scan csv
    [ "$(head -c 3 report.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "no UTF-8 BOM"
    local lf crlf
    lf=$(tr -cd '\n' < report.csv | wc -c)
    crlf=$(grep -c $'\r$' report.csv)
    [ "$lf" -eq 8 ] && [ "$crlf" -eq 8 ] || fail "$lf line ends, $crlf of them CRLF (want 8 and 8)"
    [ "$(tail -c 2 report.csv | od -An -tx1 | tr -d ' ')" = 0d0a ] || fail "last row not ended by CRLF"
}

# A real CSV reader (Python's, as RFC 4180 describes) gets 9 cells a row,
# with the quotes undone and the neutralising ' kept.
test_csv_parses_as_rfc4180() {
    rp_setup
    rp_scan csv
    "$RP_PY" - report.csv > cells.txt <<'EOF'
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
assert all(len(r) == 9 for r in rows), [len(r) for r in rows]
print(len(rows))
print(rows[1][1]); print(rows[3][1]); print(rows[5][1]); print(rows[4][7].split("；")[1][:8])
EOF
    [ "$(sed -n 1p cells.txt)" = 8 ] || fail "rows: $(sed -n 1p cells.txt)"
    [ "$(sed -n 2p cells.txt)" = "'@missing,\"x\".txt" ] || fail "cell: $(sed -n 2p cells.txt)"
    [ "$(sed -n 3p cells.txt)" = "'=HYPERLINK(\"http://example.invalid/\",\"湘川市民政局关于养老服务补贴发放的通知\")" ] \
        || fail "cell: $(sed -n 3p cells.txt)"
    [ "$(sed -n 4p cells.txt)" = '湘川市民政局关于开展"敬老月",活动的通知' ] || fail "cell: $(sed -n 4p cells.txt)"
    [ "$(sed -n 5p cells.txt)" = '引用的《中华人民' ] || fail "second reason: $(sed -n 5p cells.txt)"
}

# Each character a spreadsheet starts a formula with (= + - @, tab, CR)
# gets a leading '; one inside a cell does not. The cells come from the
# names of missing files (after --, so that -2+3.txt is not an option):
# the one place a test can put any text in a row.
test_csv_formula_injection_neutralised() {
    run_nl scan --format csv -- '=1+1.txt' '+SUM(A1).txt' '-2+3.txt' '@SUM(A1).txt' \
        $'\tx.txt' $'\rx.txt' 'a=b.txt'
    expect_rc 2
    # Sorted by path (bytes): \t \r + - = @ a. Quoted where a CR is.
    printf '\xEF\xBB\xBF序号,文件名称,文号,成文日期,施行日期,有效期至,清理意见,理由,路径\r\n' > want.csv
    {
        printf "1,'\tx.txt,,,,,,没有那个文件或目录,'\tx.txt\r\n"
        printf "2,\"'\rx.txt\",,,,,,没有那个文件或目录,\"'\rx.txt\"\r\n"
        printf "3,'+SUM(A1).txt,,,,,,没有那个文件或目录,'+SUM(A1).txt\r\n"
        printf "4,'-2+3.txt,,,,,,没有那个文件或目录,'-2+3.txt\r\n"
        printf "5,'=1+1.txt,,,,,,没有那个文件或目录,'=1+1.txt\r\n"
        printf "6,'@SUM(A1).txt,,,,,,没有那个文件或目录,'@SUM(A1).txt\r\n"
        printf "7,a=b.txt,,,,,,没有那个文件或目录,a=b.txt\r\n"
    } >> want.csv
    expect_same_file "$TMP/.out" want.csv
}

# RFC 4180: a line break inside a cell is kept, in quotes; a document with
# no title (here: none read) is named by its file name, without the folder.
test_csv_quotes_line_breaks() {
    run_nl scan --format csv $'dir/two\nlines.txt'
    expect_rc 2
    printf '\xEF\xBB\xBF序号,文件名称,文号,成文日期,施行日期,有效期至,清理意见,理由,路径\r\n' > want.csv
    printf '1,"two\nlines.txt",,,,,,没有那个文件或目录,"dir/two\nlines.txt"\r\n' >> want.csv
    expect_same_file "$TMP/.out" want.csv
}

test_csv_lang_en() {
    rp_setup
    rp_scan csv --lang en
    [ "$(head -n 1 report.csv)" = $'\xEF\xBB\xBFNo.,Title,Document number,Issued,Effective,Expires,Recommendation,Reasons,Path\r' ] \
        || fail "header: $(head -n 1 report.csv)"
    grep -qF ',湘川民发〔2021〕7号,2021-04-15,2021-06-01,2023-04-30,repeal,validity ended on 2023-04-30 (audit date 2026-11-26); the document should be declared expired or repealed,docs/a-expired.txt' report.csv \
        || fail "row of a-expired.txt"
    grep -qF ',2024-02-20,2024-04-01,2029-03-31,keep,,docs/b-formula.txt' report.csv || fail "keep row"
    # English messages have semicolons of their own: reasons are joined by " | ".
    grep -qF 'cite the law in force | cites 合同法, repealed on 2021-01-01' report.csv \
        || fail "reasons not joined by ' | '"
    grep -qF ',amend,"cites ' report.csv || fail "e-amend row"
    if grep -q '保留\|修改\|废止\|延期实施\|年.*月.*日,' report.csv; then
        fail "Chinese labels or dates in --lang en"
    fi
}

# Nothing to list: still a file Excel opens, with its columns.
test_csv_no_documents() {
    mkdir empty
    run_nl scan --format csv empty
    expect_rc 0
    printf '\xEF\xBB\xBF序号,文件名称,文号,成文日期,施行日期,有效期至,清理意见,理由,路径\r\n' > want.csv
    expect_same_file "$TMP/.out" want.csv
}

# ---------------------------------------------------------------- SARIF

# rp_sarif_ready: can SARIF be validated here? Skips (returns 1) without the
# schema outside CI, or without python3-jsonschema where it cannot be installed.
rp_sarif_ready() {
    if [ ! -f "$RP_SCHEMA" ]; then
        [ "${CI:-}" != true ] || { echo "    no SARIF schema at $RP_SCHEMA" >&2; exit 1; }
        skip "no SARIF schema at $RP_SCHEMA (CI has shared/ beside the project)"
        return 1
    fi
    rp_need python3-jsonschema "$RP_PY -c 'import jsonschema'"
}

# rp_sarif_check FILE: valid SARIF 2.1.0; its key values into sarif.txt.
rp_sarif_check() {
    "$RP_PY" "$E2E/check_sarif.py" "$RP_SCHEMA" "$1" > sarif.txt || fail "$1 is not valid SARIF 2.1.0"
}

test_sarif_valid_and_values() {
    rp_setup
    rp_scan sarif
    rp_sarif_ready || return 0
    rp_sarif_check report.sarif
    # Every finding, in document order, with the regions counted by hand.
    grep '^result ' sarif.txt > results.txt
    cat > want.txt <<'EOF'
result VAL-EXPIRED error docs/a-expired.txt 8:22-8:36 有效期至2023年4月30日
result HL-REPEALED-LAW-CITED warning docs/c-script.txt 6:5-6:17 《中华人民共和国婚姻法》
result VAL-EXPIRED error docs/c-script.txt 7:20-7:25 有效期5年
result DRAFT-DOCNUM-BRACKETS warning docs/d-keep-quotes.txt 1:1-1:13 湘川民发[2025]8号
result HL-REPEALED-LAW-CITED warning docs/e-amend-two-laws.txt 6:11-6:23 《中华人民共和国婚姻法》
result HL-REPEALED-LAW-CITED warning docs/e-amend-two-laws.txt 7:11-7:16 《合同法》
result VAL-EXPIRING warning docs/e-amend-two-laws.txt 8:20-8:34 有效期至2027年3月31日
result VAL-NO-PERIOD warning docs/f-untitled.txt 1:1-1:1 
EOF
    expect_same_file results.txt want.txt
    # Each read document is an artifact with the SHA-256 of its bytes.
    local f sum
    for f in a-expired:repeal b-formula:keep c-script:repeal d-keep-quotes:keep e-amend-two-laws:amend f-untitled:keep; do
        sum=$(sha256sum "docs/${f%%:*}.txt" | cut -c1-64)
        grep -qxF "artifact docs/${f%%:*}.txt $sum UTF-8 ${f#*:}" sarif.txt || fail "artifact ${f%%:*}"
    done
    # The missing file: a notification, percent-encoded as a URI.
    grep -qxF 'notification error %40missing%2C%22x%22.txt @missing,"x".txt: 没有那个文件或目录' sarif.txt \
        || fail "no notification for the missing file"
    local hash nrules
    mkdir empty
    hash=$("$NORMLINT" scan --format json empty 2>/dev/null | grep -o '"rules_hash":"[0-9a-f]*"' | cut -d'"' -f4)
    nrules=$("$NORMLINT" rules list | grep -c '^[A-Z]')
    grep -qxF "run $RP_ASOF hunan $hash unicodeCodePoints zh-CN $nrules false" sarif.txt \
        || fail "run: $(grep '^run ' sarif.txt) (want $RP_ASOF hunan $hash ... $nrules rules)"
}

# The raw JSON: the version, the tool, the rule's words per --lang.
test_sarif_fields() {
    rp_setup
    rp_scan sarif --lang en
    local v
    v=$("$NORMLINT" --version | awk '{print $2}')
    grep -qF '"version":"2.1.0","runs":[{"tool":{"driver":{"name":"normlint","version":"'"$v"'"' report.sarif \
        || fail "no 2.1.0 log with the driver normlint $v"
    # shortDescription keeps the rule's placeholders; message.text fills them.
    grep -qF '"shortDescription":{"text":"validity ended on {expires_iso} (audit date {as_of_iso}); the document should be declared expired or repealed"}' report.sarif \
        || fail "rule shortDescription"
    grep -qF '"message":{"text":"validity ended on 2023-04-30 (audit date 2026-11-26); the document should be declared expired or repealed"}' report.sarif \
        || fail "result message in English"
    grep -qF '"defaultConfiguration":{"level":"error"},"properties":{"category":"validity","effect":"repeal","basis":"湖南省规范性文件管理办法' report.sarif \
        || fail "rule level and properties"
    grep -qF '"language":"en-US"' report.sarif || fail "language"
    grep -qF '"contextRegion":{"startLine":6,"endLine":6,"snippet":{"text":"　　依据《中华人民共和国婚姻法》<script>alert(1)</script>制定本办法。"}}' report.sarif \
        || fail "contextRegion of c-script line 6"
}

# A validator that passes everything proves nothing: a wrong level fails.
test_sarif_check_catches_invalid_log() {
    rp_setup
    rp_scan sarif
    rp_sarif_ready || return 0
    rp_sarif_check report.sarif
    sed 's/"level":"error"/"level":"fatal"/' report.sarif > bad.sarif
    if "$RP_PY" "$E2E/check_sarif.py" "$RP_SCHEMA" bad.sarif > /dev/null 2> err.txt; then
        fail "an invalid level passed validation"
    fi
    grep -q "fatal" err.txt || fail "validator did not name the problem: $(cat err.txt)"
}

# Paths as URI references: Chinese, spaces and "#" percent-encoded, "/" kept;
# the same words twice in one file get distinct fingerprints.
test_sarif_uri_and_fingerprints() {
    mkdir -p 'docs/清理 #1'
    cp "$RP_FIX/e-amend-two-laws.txt" 'docs/清理 #1/两次.txt'
    sed -n 6p "$RP_FIX/e-amend-two-laws.txt" >> 'docs/清理 #1/两次.txt'
    run_nl scan --as-of "$RP_ASOF" --format sarif -o report.sarif docs
    rp_sarif_ready || return 0
    rp_sarif_check report.sarif
    local uri='docs/%E6%B8%85%E7%90%86%20%231/%E4%B8%A4%E6%AC%A1.txt'
    grep -qxF "result HL-REPEALED-LAW-CITED warning $uri 6:11-6:23 《中华人民共和国婚姻法》" sarif.txt \
        || fail "uri not percent-encoded: $(grep '^result' sarif.txt | head -1)"
    grep -qxF "result HL-REPEALED-LAW-CITED warning $uri 12:11-12:23 《中华人民共和国婚姻法》" sarif.txt \
        || fail "the copy of line 6 at line 12"
    local fps
    fps=$(grep -o '"normlint/v1":"[0-9a-f]*:[0-9]*"' report.sarif | sort | uniq -d)
    [ -z "$fps" ] || fail "duplicate fingerprints: $fps"
    grep -q '"normlint/v1":"[0-9a-f]\{64\}:2"' report.sarif || fail "no second occurrence"
}

test_sarif_no_documents() {
    mkdir empty
    run_nl scan --format sarif -o report.sarif empty
    expect_rc 0
    rp_sarif_ready || return 0
    rp_sarif_check report.sarif
    grep -q '^run .* true$' sarif.txt || fail "$(cat sarif.txt)"
}

# ---------------------------------------------------------------- HTML

# Without a browser: the page names no outside resource and escapes text.
test_html_self_contained_and_escaped() {
    rp_setup
    rp_scan html
    if grep -qiE '(src|href)="(https?:)?//|@import|url\(' report.html; then
        fail "the page loads something from outside: $(grep -oiE '(src|href)="[^"]*"|@import|url\(' report.html | head -3)"
    fi
    [ "$(grep -o '<script' report.html | wc -l)" -eq 1 ] || fail "more than the one script element"
    grep -qF '湘川市民政局关于&lt;script&gt;alert(1)&lt;/script&gt;婚姻登记工作的通知' report.html \
        || fail "title not escaped"
    grep -qF '　　依据<mark>《中华人民共和国婚姻法》</mark>&lt;script&gt;alert(1)&lt;/script&gt;制定本办法。' report.html \
        || fail "source line not escaped or span not marked"
    grep -qF '=HYPERLINK(&quot;http://example.invalid/&quot;,&quot;' report.html || fail "quotes not escaped"
    grep -qF "content=\"default-src 'none'; style-src 'sha256-" report.html || fail "no Content-Security-Policy"
    grep -qF '<html lang="zh-CN">' report.html || fail "lang"
    for label in 规范性文件清理报告 审查基准日 2026年11月26日 地区配置 hunan 清理结果目录 逐件审查意见; do
        grep -qF "$label" report.html || fail "no $label"
    done
    grep -qF '<th scope="col" data-type="number" aria-sort="ascending"><button type="button">序号</button></th>' report.html \
        || fail "sortable 序号 column"
}

test_html_lang_en() {
    rp_setup
    rp_scan html --lang en
    grep -qF '<html lang="en">' report.html || fail "lang"
    for label in 'Normative document cleanup report' 'Audit date' 2026-11-26 'Cleanup list' \
        '<button type="button">Recommendation</button>' '<span class="rec rec-repeal">repeal</span>' \
        'validity ended on 2023-04-30'; do
        grep -qF "$label" report.html || fail "no $label"
    done
    # Labels only: the rules' basis is Chinese law, quoted as written.
    local han='[\x{4e00}-\x{9fff}]'
    if grep -qP "<(dt|th|h1|h2)[^>]*>[^<]*$han|<button type=\"button\">[^<]*$han|class=\"rec rec-[a-z]*\">[^<]*$han" report.html; then
        fail "Chinese labels in --lang en: $(grep -oP "<(dt|th|h1|h2)[^>]*>[^<]*$han[^<]*" report.html | head -3)"
    fi
}

# In Chromium, as a person opens it: no console message, no error, no
# dialog (alert) and no script but ours; the text shows as written; the
# marked span is the finding's; clicking a heading sorts the list.
test_html_in_chromium() {
    rp_need chromium "command -v chromium" || return 0
    rp_setup
    rp_scan html
    cat > exprs.txt <<'EOF'
document.scripts.length
Array.from(document.querySelectorAll("script")).filter(s => s.textContent.includes("alert")).length
document.querySelector("#doc-4 h3").textContent
Array.from(document.querySelectorAll("#doc-4 mark")).map(m => m.textContent).join("|")
document.querySelector("#doc-4 .line code").textContent
document.querySelectorAll("#cleanup tbody tr").length
(document.querySelectorAll("#cleanup thead button")[6].click(), Array.from(document.querySelectorAll("#cleanup tbody tr")).map(r => r.cells[0].textContent).join(","))
(document.querySelectorAll("#cleanup thead button")[6].click(), Array.from(document.querySelectorAll("#cleanup tbody tr")).map(r => r.cells[0].textContent).join(","))
(document.querySelectorAll("#cleanup thead button")[3].click(), Array.from(document.querySelectorAll("#cleanup tbody tr")).map(r => r.cells[0].textContent).join(","))
document.querySelectorAll("svg.chart rect").length
document.querySelector(".scroll").scrollWidth <= document.querySelector(".scroll").clientWidth
EOF
    local rc=0
    mapfile -t exprs < exprs.txt
    timeout 120 "$RP_PY" "$E2E/check_html.py" report.html shot.png dom.html "${exprs[@]}" > values.txt 2> problems.txt || rc=$?
    if [ -n "${REPORTS_SHOT_DIR:-}" ]; then cp shot.png dom.html "$REPORTS_SHOT_DIR/"; fi
    [ "$rc" -eq 0 ] || fail "Chromium: exit $rc: $(cat problems.txt)"
    cat > want.txt <<'EOF'
1
0
"4湘川市民政局关于<script>alert(1)</script>婚姻登记工作的通知 废止"
"《中华人民共和国婚姻法》|有效期5年"
"　　依据《中华人民共和国婚姻法》<script>alert(1)</script>制定本办法。"
7
"1,3,5,7,6,2,4"
"2,4,6,3,5,7,1"
"1,6,4,2,3,5,7"
5
true
EOF
    # 清理意见 ascending: the failed row (-1), keep 3 5 7, amend 6, repeal 2 4
    # (ties by 序号); descending: reversed with ties still by 序号. 成文日期
    # ascending: none (the failed row), 2019-03-20 (6), 2019-05-06 (4),
    # 2021-04-15 (2), 2024-02-20 (3), 2025-09-01 (5), 2025-10-08 (7). The rows
    # are 1 failed, 2 a, 3 b, 4 c, 5 d, 6 e, 7 f. Five bars (with the failed
    # one), and the list fits the 1280-pixel window without scrolling.
    expect_same_file values.txt want.txt
    [ -s shot.png ] && [ "$(head -c 8 shot.png | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ] \
        || fail "no PNG screenshot"
    grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' dom.html || fail "DOM lacks the escaped text"
}

# The checker itself finds what it should: a page with a console error, an
# uncaught exception, an alert and a CSP violation fails it.
test_html_checker_catches_problems() {
    rp_need chromium "command -v chromium" || return 0
    cat > bad.html <<'EOF'
<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'"></head>
<body><img src="http://example.invalid/x.png"><script>console.error("probe"); alert(1); missingFunction();</script></body></html>
EOF
    local rc=0
    timeout 120 "$RP_PY" "$E2E/check_html.py" bad.html shot.png dom.html > /dev/null 2> problems.txt || rc=$?
    [ "$rc" -eq 1 ] || fail "exit $rc: $(cat problems.txt)"
    grep -q 'console.error: probe' problems.txt || fail "console error not seen"
    grep -q 'alert dialog opened' problems.txt || fail "alert not seen"
    grep -q 'missingFunction' problems.txt || fail "exception not seen"
    grep -q 'Content Security Policy' problems.txt || fail "CSP violation not seen"
}
