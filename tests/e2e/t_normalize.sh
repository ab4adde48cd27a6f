# t_normalize.sh - `normlint normalize`: clean UTF-8 (or GBK) text out of
# whatever encoding and line ends a document came in.
#
# Fixtures: fixtures/normalize/ (made by fixtures/make-fixtures.sh; each file
# is described there). Expected outputs in expected/ were written by hand.

NZ_IN=$E2E/fixtures/normalize
NZ_EXP=$E2E/expected

# nz_lines FILE: number of lines in FILE.
nz_lines() { wc -l < "$1" | tr -d ' '; }

# nz_no_temp_files DIR: an atomic rewrite leaves no temporary file behind.
nz_no_temp_files() {
    if ls -a "$1" | grep -q 'normlint-'; then
        fail "temporary files left in $1: $(ls -a "$1" | grep 'normlint-' | tr '\n' ' ')"
    fi
}

test_normalize_file_to_stdout_exact() {
    run_nl normalize "$NZ_IN/messy.txt"
    expect_rc 0
    expect_same_file "$TMP/.out" "$NZ_EXP/normalize-messy.txt"
    [ ! -s "$TMP/.err" ] || fail "unexpected stderr: $ERR"
}

# Each cleanup, checked on its own against the raw input.
test_normalize_cleanups_one_by_one() {
    local in=$NZ_IN/messy.txt
    # The input really has what the output must not.
    grep -q $'\r' "$in" || fail "fixture lost its CR"
    grep -q $'\xEF\xBC\x92' "$in" || fail "fixture lost its full-width 2"
    grep -q $'\xE2\x80\x8B' "$in" || fail "fixture lost its zero-width space"
    run_nl normalize "$in"
    expect_rc 0
    local out=$TMP/.out
    # CRLF -> LF, and no BOM.
    if grep -q $'\r' "$out"; then fail "CR left in output"; fi
    [ "$(head -c 3 "$out" | od -An -tx1 | tr -d ' ')" != efbbbf ] || fail "BOM kept"
    [ "$(nz_lines "$out")" -eq 11 ] || fail "expected 11 lines, got $(nz_lines "$out")"
    # Full-width digits folded: 〔２０２１〕７号 -> 〔2021〕7号.
    expect_out_has '湘川民发〔2021〕7号'
    expect_out_has '有效期至2023年12月31日'
    if LC_ALL=C grep -q $'\xEF\xBC[\x90-\x99]' "$out"; then fail "full-width digit left"; fi
    # Zero-width space removed, the sentence joined.
    expect_out_has '做好临时救助工作，现将有关事项'
    if grep -q $'\xE2\x80\x8B' "$out"; then fail "zero-width space left"; fi
    # Trailing spaces, tab and trailing U+3000 removed.
    if grep -q $'[ \t]$' "$out"; then fail "trailing space or tab left"; fi
    if grep -q $'\xE3\x80\x80$' "$out"; then fail "trailing U+3000 left"; fi
    [ "$(sed -n 7p "$out")" = '　　一、各地要在接到申请后5个工作日内完成审核。' ] \
        || fail "line 7 is '$(sed -n 7p "$out")'"
    # U+3000 paragraph indents kept (two at the start of lines 6, 7, 8).
    [ "$(grep -c $'^\xE3\x80\x80\xE3\x80\x80' "$out")" -eq 3 ] || fail "U+3000 indents not kept"
    # The last line ends with a line feed.
    [ "$(tail -c 1 "$out" | od -An -tx1 | tr -d ' ')" = 0a ] || fail "no final LF"
}

test_normalize_stdin_dash() {
    local rc=0
    "$NORMLINT" normalize - < "$NZ_IN/messy.txt" > out.txt 2> err.txt || rc=$?
    [ "$rc" -eq 0 ] || fail "exit code $rc: $(cat err.txt)"
    expect_same_file out.txt "$NZ_EXP/normalize-messy.txt"
    [ ! -s err.txt ] || fail "unexpected stderr: $(cat err.txt)"
}

test_normalize_output_option() {
    run_nl normalize -o out.txt "$NZ_IN/messy.txt" "$NZ_IN/notice-gbk.txt"
    expect_rc 0
    [ ! -s "$TMP/.out" ] || fail "-o still wrote to stdout: $OUT"
    cat "$NZ_EXP/normalize-messy.txt" "$NZ_EXP/normalize-notice.txt" > want.txt
    expect_same_file out.txt want.txt
}

test_normalize_gbk_input_decoded() {
    # The fixture really is GBK: not valid UTF-8.
    if iconv -f UTF-8 -t UTF-8 "$NZ_IN/notice-gbk.txt" >/dev/null 2>&1; then
        fail "notice-gbk.txt is valid UTF-8; the fixture is wrong"
    fi
    run_nl normalize "$NZ_IN/notice-gbk.txt"
    expect_rc 0
    expect_same_file "$TMP/.out" "$NZ_EXP/normalize-notice.txt"
}

test_normalize_utf16le_bom_input_decoded() {
    [ "$(head -c 2 "$NZ_IN/notice-utf16le.txt" | od -An -tx1 | tr -d ' ')" = fffe ] \
        || fail "fixture has no FF FE BOM"
    run_nl normalize "$NZ_IN/notice-utf16le.txt"
    expect_rc 0
    expect_same_file "$TMP/.out" "$NZ_EXP/normalize-notice.txt"
}

test_normalize_utf16be_bom_input_decoded() {
    [ "$(head -c 2 "$NZ_IN/notice-utf16be.txt" | od -An -tx1 | tr -d ' ')" = feff ] \
        || fail "fixture has no FE FF BOM"
    run_nl normalize "$NZ_IN/notice-utf16be.txt"
    expect_rc 0
    expect_same_file "$TMP/.out" "$NZ_EXP/normalize-notice.txt"
}

test_normalize_in_place_keeps_mode() {
    cp "$NZ_IN/messy.txt" doc.txt
    chmod 640 doc.txt
    run_nl normalize --in-place doc.txt
    expect_rc 0
    [ ! -s "$TMP/.out" ] || fail "--in-place wrote to stdout"
    expect_same_file doc.txt "$NZ_EXP/normalize-messy.txt"
    [ "$(stat -c %a doc.txt)" = 640 ] || fail "mode is $(stat -c %a doc.txt), expected 640"
    nz_no_temp_files .
}

test_normalize_in_place_backup_keeps_original_bytes() {
    cp "$NZ_IN/messy.txt" doc.txt
    chmod 640 doc.txt
    run_nl normalize --in-place --backup .orig doc.txt
    expect_rc 0
    expect_same_file doc.txt "$NZ_EXP/normalize-messy.txt"
    [ "$(stat -c %a doc.txt)" = 640 ] || fail "mode is $(stat -c %a doc.txt), expected 640"
    [ -f doc.txt.orig ] || fail "no backup doc.txt.orig"
    cmp -s doc.txt.orig "$NZ_IN/messy.txt" || fail "backup is not the original bytes"
    nz_no_temp_files .
}

# A backup of a private file must not be readable by more people than the
# file itself was.
test_normalize_backup_keeps_mode() {
    cp "$NZ_IN/messy.txt" doc.txt
    chmod 640 doc.txt
    run_nl normalize --in-place --backup .orig doc.txt
    expect_rc 0
    [ "$(stat -c %a doc.txt.orig)" = 640 ] \
        || fail "backup mode is $(stat -c %a doc.txt.orig), the original was 640"
}

test_normalize_in_place_clean_file_untouched() {
    cp "$NZ_EXP/normalize-messy.txt" clean.txt
    touch -d '2020-01-02 03:04:05' clean.txt
    local before
    before=$(stat -c %Y clean.txt)
    run_nl normalize --in-place --backup .bak clean.txt
    expect_rc 0
    [ "$(stat -c %Y clean.txt)" = "$before" ] || fail "an already clean file was rewritten"
    [ ! -e clean.txt.bak ] || fail "backup made of a file that was not changed"
    expect_same_file clean.txt "$NZ_EXP/normalize-messy.txt"
}

test_normalize_to_gbk_stdout() {
    run_nl normalize --to gbk "$NZ_IN/messy.txt"
    expect_rc 0
    # GBK bytes: not UTF-8, and decoding them as GBK gives the clean text.
    if iconv -f UTF-8 -t UTF-8 "$TMP/.out" >/dev/null 2>&1; then
        fail "--to gbk output is valid UTF-8"
    fi
    iconv -f GBK -t UTF-8 "$TMP/.out" > decoded.txt || fail "output is not valid GBK"
    expect_same_file decoded.txt "$NZ_EXP/normalize-messy.txt"
    # 湘 is CF E6 in GBK (GB2312 区位码 4770: row 47, cell 70): the first two bytes.
    [ "$(head -c 2 "$TMP/.out" | od -An -tx1 | tr -d ' ')" = cfe6 ] \
        || fail "first character is not GBK 湘 (CF E6)"
}

test_normalize_to_gbk_in_place() {
    cp "$NZ_IN/notice-utf16le.txt" doc.txt
    chmod 600 doc.txt
    run_nl normalize --in-place --to gbk doc.txt
    expect_rc 0
    iconv -f GBK -t UTF-8 doc.txt > decoded.txt || fail "file is not valid GBK"
    expect_same_file decoded.txt "$NZ_EXP/normalize-notice.txt"
    [ "$(stat -c %a doc.txt)" = 600 ] || fail "mode is $(stat -c %a doc.txt), expected 600"
}

test_normalize_to_gbk_unencodable_in_place_untouched() {
    cp "$NZ_IN/emoji.txt" emoji.txt
    cp emoji.txt saved.txt
    run_nl normalize --in-place --to gbk emoji.txt
    expect_rc 2
    # The emoji is line 3, column 17 of the original (after a zero-width space).
    expect_err_has 'normlint: emoji.txt:3:17: '
    expect_err_has 'U+1F600'
    [ "$(nz_lines "$TMP/.err")" -eq 1 ] || fail "expected one line on stderr: $ERR"
    cmp -s emoji.txt saved.txt || fail "emoji.txt was changed"
    nz_no_temp_files .
}

test_normalize_to_gbk_unencodable_others_still_written() {
    cp "$NZ_IN/emoji.txt" emoji.txt
    run_nl normalize --to gbk emoji.txt "$NZ_IN/messy.txt"
    expect_rc 2
    expect_err_has 'normlint: emoji.txt:3:17: '
    iconv -f GBK -t UTF-8 "$TMP/.out" > decoded.txt || fail "output is not valid GBK"
    expect_same_file decoded.txt "$NZ_EXP/normalize-messy.txt"
}

test_normalize_missing_file() {
    run_nl normalize missing.txt "$NZ_IN/messy.txt"
    expect_rc 2
    [ "$ERR" = 'normlint: missing.txt: 没有那个文件或目录' ] || fail "stderr: $ERR"
    expect_same_file "$TMP/.out" "$NZ_EXP/normalize-messy.txt"
}

test_normalize_directory_as_file() {
    mkdir folder
    run_nl normalize folder "$NZ_IN/messy.txt"
    expect_rc 2
    [ "$ERR" = 'normlint: folder: 是一个目录' ] || fail "stderr: $ERR"
    expect_same_file "$TMP/.out" "$NZ_EXP/normalize-messy.txt"
}

test_normalize_unreadable_file() {
    if [ "$(id -u)" -eq 0 ]; then
        echo "    (skipped: chmod 000 does not stop root from reading)" >&2
        return 0
    fi
    cp "$NZ_IN/messy.txt" locked.txt
    chmod 000 locked.txt
    run_nl normalize locked.txt "$NZ_IN/messy.txt"
    chmod 600 locked.txt
    expect_rc 2
    [ "$ERR" = 'normlint: locked.txt: Permission denied' ] || fail "stderr: $ERR"
    expect_same_file "$TMP/.out" "$NZ_EXP/normalize-messy.txt"
}

test_normalize_binary_file() {
    cp "$NZ_IN/binary.bin" image.txt
    run_nl normalize image.txt "$NZ_IN/messy.txt"
    expect_rc 2
    [ "$ERR" = 'normlint: image.txt: 二进制文件（含 NUL 字节），不是文本文件' ] \
        || fail "stderr: $ERR"
    expect_same_file "$TMP/.out" "$NZ_EXP/normalize-messy.txt"
}

# Several bad inputs in one run: one line each, and the good file still done.
test_normalize_errors_one_line_each_others_processed() {
    mkdir folder
    cp "$NZ_IN/binary.bin" image.txt
    run_nl normalize missing.txt folder "$NZ_IN/messy.txt" image.txt
    expect_rc 2
    [ "$(nz_lines "$TMP/.err")" -eq 3 ] || fail "expected 3 lines on stderr, got: $ERR"
    expect_err_has 'normlint: missing.txt: 没有那个文件或目录'
    expect_err_has 'normlint: folder: 是一个目录'
    expect_err_has 'normlint: image.txt: 二进制文件（含 NUL 字节），不是文本文件'
    expect_same_file "$TMP/.out" "$NZ_EXP/normalize-messy.txt"
}

# Odd length: the last code unit lost a byte. Reported, and the rest written.
test_normalize_truncated_utf16() {
    [ $(( $(stat -c %s "$NZ_IN/truncated16.txt") % 2 )) -eq 1 ] || fail "fixture is not odd-length"
    cp "$NZ_IN/truncated16.txt" t16.txt
    run_nl normalize t16.txt
    expect_rc 0
    [ "$ERR" = 'normlint: t16.txt:2:1: 无效的 utf-16le 字节序列（字节 41，偏移 46），已替换为 U+FFFD' ] \
        || fail "stderr: $ERR"
    expect_same_file "$TMP/.out" "$NZ_EXP/normalize-truncated16.txt"
}

test_normalize_invalid_utf8_warns_with_position() {
    cp "$NZ_IN/invalid.txt" bad.txt
    run_nl normalize bad.txt
    expect_rc 0
    [ "$ERR" = 'normlint: bad.txt:3:6: 无效的 utf-8 字节序列（字节 FF，偏移 104），已替换为 U+FFFD' ] \
        || fail "stderr: $ERR"
    expect_same_file "$TMP/.out" "$NZ_EXP/normalize-invalid.txt"
}

test_normalize_invalid_utf8_in_place_refused() {
    cp "$NZ_IN/invalid.txt" bad.txt
    cp bad.txt saved.txt
    run_nl normalize --in-place bad.txt
    expect_rc 2
    expect_err_has 'normlint: bad.txt:3:6: 无效的 utf-8 字节序列'
    expect_err_has 'normlint: bad.txt: 含有无效字节序列；原地改写会丢失这些字节，未改写'
    cmp -s bad.txt saved.txt || fail "bad.txt was rewritten"
    nz_no_temp_files .
}

test_normalize_empty_file() {
    : > empty.txt
    run_nl normalize empty.txt
    expect_rc 0
    [ ! -s "$TMP/.out" ] || fail "output for an empty file: $(od -c "$TMP/.out" | head -3)"
    [ ! -s "$TMP/.err" ] || fail "stderr for an empty file: $ERR"
    run_nl normalize --in-place empty.txt
    expect_rc 0
    [ ! -s empty.txt ] || fail "empty file got content"
    run_nl normalize -o out.txt empty.txt
    expect_rc 0
    [ -f out.txt ] && [ ! -s out.txt ] || fail "-o for an empty input is not an empty file"
}

test_normalize_stdin_in_place_refused() {
    run_nl normalize --in-place -
    expect_rc 2
    expect_err_has '标准输入不能原地改写'
}

# 100 MB on one line: must neither crash nor take long.
test_normalize_huge_single_line() {
    head -c 100000000 /dev/zero | tr '\0' 'a' > big.txt
    printf '湘川市\xE3\x80\x80 \n' >> big.txt   # a CJK tail, then trailing spaces
    run_nl normalize -o big.out big.txt
    expect_rc 0
    # 100000000 + 9 bytes of 湘川市, the trailing U+3000 and space dropped, LF kept.
    [ "$(stat -c %s big.out)" -eq 100000010 ] || fail "size $(stat -c %s big.out)"
    [ "$(head -c 5 big.out)" = aaaaa ] || fail "wrong start"
    [ "$(tail -c 10 big.out)" = $'湘川市' ] || fail "wrong end: $(tail -c 10 big.out | od -c)"
    [ "$(nz_lines big.out)" -eq 1 ] || fail "not one line"
    rm -f big.txt big.out
}

# In place through a symbolic link: the target is rewritten, the link stays a link.
test_normalize_in_place_through_symlink() {
    printf '第１条\r\n' > target.txt
    ln -s target.txt link.txt
    run_nl normalize --in-place link.txt
    expect_rc 0
    [ -L link.txt ] || fail "link.txt is no longer a symbolic link"
    [ "$(cat target.txt)" = "第1条" ] || fail "target not normalized: $(cat target.txt | od -c)"
}
