#!/usr/bin/env bash
# run.sh - speed and memory benchmark (make bench), not a pass/fail test of timing.
#
# Builds a tree of BENCH_DOCS documents from the corpus (each copy made
# distinct by its path), scans it with the release build, and prints
# documents per second, MB per second and the peak resident memory.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
NORMLINT=${NORMLINT:-$ROOT/build/normlint}
DOCS=${BENCH_DOCS:-20000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

mapfile -t sources < <(find "$ROOT/corpus" -name '*.txt' | sort)
[ "${#sources[@]}" -gt 0 ] || { echo "bench: no corpus documents" >&2; exit 2; }
for ((i = 0; i < DOCS; i++)); do
    dir="$WORK/tree/$((i / 500))"
    [ -d "$dir" ] || mkdir -p "$dir"
    cp "${sources[i % ${#sources[@]}]}" "$dir/$i.txt"
done
bytes=$(du -sb "$WORK/tree" | cut -f1)

start=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$WORK/rss" "$NORMLINT" scan "$WORK/tree" --format jsonl \
        --fail-on never >/dev/null 2>"$WORK/err"
else
    "$NORMLINT" scan "$WORK/tree" --format jsonl --fail-on never >/dev/null 2>"$WORK/err"
fi
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v n="$DOCS" -v b="$bytes" 'BEGIN {
    t = e - s; mb = b / 1048576
    printf "bench: %d documents, %.1f MB in %.2f s: %.0f documents/s, %.1f MB/s\n", n, mb, t, n / t, mb / t
}'
[ -f "$WORK/rss" ] && printf 'bench: peak memory %d MiB\n' $(( $(tail -1 "$WORK/rss") / 1024 ))

# One large document (about 4 MB of running text): time must grow linearly.
{
    printf '湘川市民政局关于做好临时救助工作的通知\n\n各县市区民政局：\n'
    for ((i = 0; i < 40000; i++)); do
        printf '自愿参加的对象自行申报，有效期内可以申请救助，本办法自印发之日起施行，'
    done
    printf '\n湘川市民政局\n2024年3月1日\n'
} > "$WORK/large.txt"
start=$(date +%s.%N)
"$NORMLINT" scan "$WORK/large.txt" --format jsonl --fail-on never >/dev/null 2>&1
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v b="$(stat -c %s "$WORK/large.txt")" 'BEGIN {
    printf "bench: one document of %.1f MB in %.2f s\n", b / 1048576, e - s
}'
