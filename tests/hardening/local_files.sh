#!/usr/bin/env bash
# local_files.sh SIGNPOST SRCDIR - the files signpost reads, as a shared
# workstation may have them (issue 16):
#  - a FIFO, a directory or a device where signpost expects a file never
#    hangs it (every run is under `timeout`), TZ and ~/.inputrc too:
#    names.cache and en.res are
#    refused with a message, an index or another language's catalog is
#    ignored, an overlay or --data table is refused;
#  - local tables are trusted the way sudo and ssh trust their files: an
#    overlay, its directory, a --data or SIGNPOST_DATA table that others
#    could write, or that belongs to someone else, is refused with why and
#    how to fix it; an index beside a local table that others could write
#    is not used, and the run says so; an unreadable directory of local
#    tables and an unreadable local table are both refused;
#  - what a local table added, replaced or hid shows in text, in the full
#    view with its file, and beside cards and text messages (stderr).
# The ownership cases need root (chown); without it they are skipped.
set -uo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# What the test writes, and its copy of the fixtures, must be tables
# signpost trusts whatever the checkout's modes (src/trust.h).
umask 022
cp -R "$src/tests/data" "$tmp/fixtures" && chmod -R go-w "$tmp/fixtures"
failures=0
fail() { echo "local_files: FAIL: $*" >&2; failures=$((failures + 1)); }

# A copy of the installed layout (bin/signpost, share/signpost/), so that
# its derived files can be replaced by FIFOs.
inst=$tmp/inst
mkdir -p "$inst/bin" "$inst/share"
cp "$bin" "$inst/bin/signpost"
cp -r "$(dirname "$bin")/../share/signpost" "$inst/share/"
# The copies are new: each index must still be newer than its table.
touch "$inst/share/signpost/"*.idx
sp=$inst/bin/signpost
share=$inst/share/signpost
home=$tmp/home
mkdir -p "$home/xdg/signpost"
chmod 755 "$tmp" "$home" "$home/xdg" "$home/xdg/signpost"
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC COLUMNS=100 NO_COLOR=1 HOME=$home \
	XDG_DATA_HOME=$home/xdg
unset SIGNPOST_DATA SIGNPOST_LOCALEDIR LANGUAGE INPUTRC
at=(--at 2026-12-07T13:00+01:00)

# run STATUS ARGS...: signpost under timeout; checks the exit status.
run() {
	local want=$1 rc=0
	shift
	timeout 20 "$@" >"$tmp/out" 2>"$tmp/err" </dev/null || rc=$?
	if [ "$rc" = 124 ]; then
		fail "hangs: $*"
	elif [ "$rc" != "$want" ]; then
		fail "exit $rc, not $want: $*: $(head -c 400 "$tmp/err")"
	fi
	return 0
}
err_has() { grep -qF -- "$1" "$tmp/err" || fail "$2: stderr lacks '$1': $(head -c 400 "$tmp/err")"; }
out_has() { grep -qF -- "$1" "$tmp/out" || fail "$2: stdout lacks '$1'"; }
err_lacks() { ! grep -qF -- "$1" "$tmp/err" || fail "$2: stderr has '$1'"; }

# fifo FILE: FILE (in the installed copy) replaced by a FIFO for one run.
fifo_at() { mv "$share/$1" "$share/$1.away" && mkfifo "$share/$1"; }
fifo_end() { rm -f "$share/$1" && mv "$share/$1.away" "$share/$1"; }

# ---- special files ----
fifo_at names.cache
run 3 "$sp" -c CZ -l cs "${at[@]}"
err_has "names.cache is not a regular file" "FIFO names.cache"
fifo_end names.cache

for f in services.idx emergency.idx holidays.idx; do
	fifo_at $f
	run 0 "$sp" -c CZ -l cs "${at[@]}"
	err_lacks "duplicate" "FIFO $f"
	out_has "Czech" "FIFO $f"
	fifo_end $f
done

fifo_at locales/en.res
run 3 "$sp" -c CZ -l cs "${at[@]}"
err_has "en.res: not a regular file (a FIFO)" "FIFO en.res"
fifo_end locales/en.res

# Another language's catalog that is a FIFO: as if it were not there.
fifo_at locales/cs.res
run 0 "$sp" --ui-language cs -c CZ -l cs "${at[@]}"
out_has "Czechia" "FIFO cs.res (English instead)"
LANG=cs_CZ.UTF-8 LC_ALL=cs_CZ.UTF-8 run 0 "$sp" -c CZ -l cs "${at[@]}"
out_has "Czechia" "FIFO cs.res under a Czech locale"
run 0 "$sp" --list ui-languages
! grep -q '^cs' "$tmp/out" || fail "FIFO cs.res is listed as a UI language"
fifo_end locales/cs.res

# A directory of catalogs that is a FIFO, a device as a table.
mkfifo "$tmp/fifo-dir"
SIGNPOST_LOCALEDIR=$tmp/fifo-dir run 3 "$sp" -c CZ
run 3 "$sp" --data /dev/zero -c CZ -l cs
err_has "not a regular file (a character device)" "--data /dev/zero"

# An overlay, a --data table, SIGNPOST_DATA and an index that are FIFOs.
mkfifo "$home/xdg/signpost/fifo.yaml"
run 3 "$sp" -c CZ -l cs "${at[@]}"
err_has "fifo.yaml: not a regular file (a FIFO)" "FIFO overlay"
rm "$home/xdg/signpost/fifo.yaml"
mkdir "$home/xdg/signpost/dir.yaml"
run 3 "$sp" -c CZ -l cs "${at[@]}"
err_has "dir.yaml: not a regular file (a directory)" "directory as an overlay"
rmdir "$home/xdg/signpost/dir.yaml"
mkfifo "$tmp/t.yaml"
run 3 "$sp" --data "$tmp/t.yaml" -c CZ
err_has "not a regular file (a FIFO)" "FIFO --data"
SIGNPOST_DATA=$tmp/t.yaml run 3 "$sp" -c CZ
err_has "not a regular file (a FIFO)" "FIFO SIGNPOST_DATA"
run 3 "$sp" --check "$tmp/t.yaml"
rm "$tmp/t.yaml"
mkdir "$tmp/d"
cp "$tmp/fixtures/mini.yaml" "$tmp/d/t.yaml"
mkfifo "$tmp/d/t.idx"
run 0 "$sp" --data "$tmp/d/t.yaml" -c CZ -l cs "${at[@]}"
out_has "Test Line" "FIFO index beside --data"
rm "$tmp/d/t.idx"

# TZ naming a FIFO (the C library opens it without looking): UTC, said so.
mkfifo "$tmp/tz"
run 0 env TZ=":$tmp/tz" "$sp" -c CZ -l cs --at 2026-12-07T13:00
# (env: bash itself would open the file TZ names, and block)
err_has "TZ=\":$tmp/tz\" names no time zone signpost knows" "TZ naming a FIFO"
rm "$tmp/tz"

# ~/.inputrc as a FIFO: the session still starts (readline would block).
mkfifo "$home/.inputrc"
python3 - "$sp" <<'EOF' || fail "a FIFO ~/.inputrc hangs the session"
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1]])
out, end = b"", time.time() + 15
while time.time() < end and b"country" not in out:
    r, _, _ = select.select([fd], [], [], 0.5)
    if r:
        try:
            out += os.read(fd, 4096)
        except OSError:
            break
os.kill(pid, 9)
os.waitpid(pid, 0)
sys.exit(0 if b"country" in out and b"inputrc: not a regular file" in out else 1)
EOF
rm "$home/.inputrc"

# ---- sizes ----
# A 9 MB table of one 3,000,000-entry list: refused with the first 100
# problems and one line counting the rest, in bounded memory (it peaked
# at 548 MB, with 15 million lines on stderr).
python3 -c 'import sys; open(sys.argv[1], "w").write("schema: \"2\"\ndate: \"2026-01-15\"\nservices: [" + "{}," * 3000000 + "{}]\n")' "$tmp/list.yaml"
# Its exit status and peak RSS (KiB), measured by python3 (already a test
# tool) rather than GNU time, which build chroots lack.
read -r rc rss < <(python3 - "$sp" "$tmp/list.yaml" "$tmp/out" "$tmp/err" <<'EOF'
import resource, subprocess, sys
sp, table, out, err = sys.argv[1:]
with open(out, "wb") as o, open(err, "wb") as e:
    try:
        rc = subprocess.run([sp, "--check", table], stdin=subprocess.DEVNULL, stdout=o,
                            stderr=e, timeout=60).returncode
    except subprocess.TimeoutExpired:
        rc = 124
print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
EOF
)
[ "$rc" = 3 ] || fail "3 M-entry list: exit $rc, not 3"
lines=$(wc -l <"$tmp/err")
[ "$lines" -le 102 ] || fail "3 M-entry list: $lines lines on stderr, not at most 102"
err_has "more problems (only the first ones are listed)" "3 M-entry list"
if [ -n "${ASAN_OPTIONS:-}" ]; then
	echo "local_files: under a sanitizer: peak memory not judged ($rss KiB)" >&2
elif [ "$rss" -gt 204800 ]; then
	fail "3 M-entry list: peak RSS $rss KiB, over 200 MiB"
fi
rm -f "$tmp/list.yaml"
# A diagnostic is one line, whatever newlines a key or a file name holds.
printf 'schema: "2"\n"bad\\nsignpost: all checks passed": x\n' >"$home/xdg/signpost/nl.yaml"
run 3 "$sp" -c CZ -l cs "${at[@]}"
err_has 'unknown key "bad^Jsignpost: all checks passed"' "a newline in a key"
! grep -q '^signpost: all checks passed' "$tmp/err" || fail "a key printed a line of its own"
rm "$home/xdg/signpost/nl.yaml"
nl=$(printf 'x\nsignpost: all checks passed.yaml')
printf 'schema: "2"\n' >"$tmp/d/$nl"
run 3 "$sp" --check "$tmp/d/$nl"
err_has "x^Jsignpost: all checks passed.yaml" "a newline in a file name"
! grep -q '^signpost: all checks passed' "$tmp/err" || fail "a file name printed a line of its own"
rm -f "$tmp/d/$nl"

# ---- trust ----
mk_overlay() {
	cat >"$1" <<'EOF'
schema: "2"
hide: [parafilik]
EOF
}
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	ov=$home/xdg/signpost/hide.yaml
	mk_overlay "$ov"
	run 0 "$sp" -c CZ -l cs "${at[@]}"
	out_has "1 service is hidden by a local table: parafilik (your own: hide.yaml)." "hidden, text"
	COLUMNS=1000 run 0 "$sp" -c CZ -l cs -v "${at[@]}"
	out_has "parafilik (your own: $ov)" "hidden, full view names the file"
	run 2 "$sp" --show parafilik
	err_has "is hidden by a local table (your own: $ov)" "--show of a hidden service"

	chmod 666 "$ov"
	run 3 "$sp" -c CZ -l cs "${at[@]}"
	err_has "hide.yaml: refused: the file is writable by everyone (mode 0666)" "overlay mode 666"
	err_has "chmod go-w" "overlay mode 666: how to fix"
	chmod 620 "$ov"
	run 3 "$sp" -c CZ -l cs "${at[@]}"
	err_has "writable by its group (mode 0620)" "overlay mode 620"
	chmod 644 "$ov"
	chown nobody "$ov"
	run 3 "$sp" -c CZ -l cs "${at[@]}"
	err_has "refused: the file belongs to user id $(id -u nobody)" "overlay owned by nobody"
	run 3 "$sp" --check
	chown root "$ov"
	chmod 1777 "$home/xdg/signpost"
	run 3 "$sp" -c CZ -l cs "${at[@]}"
	err_has "signpost: refused: the directory is writable by everyone (mode 1777)" \
		"overlay directory 1777 (sticky is not enough for the directory itself)"
	chmod 775 "$home/xdg/signpost"
	run 3 "$sp" -c CZ -l cs "${at[@]}"
	err_has "writable by its group (mode 0775)" "overlay directory 775"
	chmod 755 "$home/xdg/signpost"
	chmod 777 "$home/xdg"
	run 3 "$sp" -c CZ -l cs "${at[@]}"
	err_has "refused: the directory $home/xdg is writable by everyone" "a directory above"
	chmod 755 "$home/xdg"
	run 0 "$sp" -c CZ -l cs "${at[@]}"

	# Unreadable directory and unreadable file behave alike: refused.
	chown -R nobody "$home"
	chmod 000 "$home/xdg/signpost"
	run 3 setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$sp" -c CZ -l cs "${at[@]}"
	err_has "the directory of local tables cannot be read: Permission denied" "unreadable directory"
	chmod 755 "$home/xdg/signpost"
	chmod 000 "$ov"
	run 3 setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$sp" -c CZ -l cs "${at[@]}"
	err_has "hide.yaml: cannot be read: Permission denied" "unreadable overlay"
	chmod 644 "$ov"
	run 0 setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$sp" -c CZ -l cs "${at[@]}"
	chown -R root "$home"
	rm "$ov"

	# --data and SIGNPOST_DATA, and the index beside them.
	chmod 666 "$tmp/d/t.yaml"
	run 3 "$sp" --data "$tmp/d/t.yaml" -c CZ -l cs "${at[@]}"
	err_has "t.yaml: refused: the file is writable by everyone" "--data mode 666"
	SIGNPOST_DATA=$tmp/d/t.yaml run 3 "$sp" -c CZ -l cs "${at[@]}"
	err_has "t.yaml: refused: the file is writable by everyone" "SIGNPOST_DATA mode 666"
	run 3 "$sp" --check "$tmp/d/t.yaml"
	chmod 644 "$tmp/d/t.yaml"
	chown nobody "$tmp/d/t.yaml"
	run 3 "$sp" --data "$tmp/d/t.yaml" -c CZ -l cs "${at[@]}"
	err_has "belongs to user id" "--data owned by nobody"
	chown root "$tmp/d/t.yaml"
	: >"$tmp/d/t.idx" # any index: it is judged before it is read
	chmod 666 "$tmp/d/t.idx"
	run 0 "$sp" --data "$tmp/d/t.yaml" -c CZ -l cs "${at[@]}"
	err_has "t.idx: not used (the whole table is read): the file is writable by everyone" \
		"index beside --data, mode 666"
	out_has "Test Line" "index beside --data, mode 666: answer"
	rm -f "$tmp/d/t.idx"

	# What a local table changed shows in every format.
	cat >"$home/xdg/signpost/local.yaml" <<'EOF'
schema: "2"
services:
  - id: test-line
    name: Test Line
    organization: Test Organisation
    status: active
    countries: [CZ]
    languages: [cs, en]
    audience: [self]
    offers: [helpline]
    cost: free
    anonymous: "yes"
    min_age: "18"
    description:
      en: "A test service."
    contacts:
      - type: phone
        value: "+420 999 999 999"
    sources:
      - url: https://example.org/about
        date: "2026-01-01"
        evidence: official
        supports: [name]
    checked: "2026-01-10"
EOF
	run 0 "$sp" --data "$tmp/d/t.yaml" -c CZ -l cs "${at[@]}"
	out_has "changed by a local table (your own: local.yaml)" "replaced, text"
	COLUMNS=1000 run 0 "$sp" --data "$tmp/d/t.yaml" -c CZ -l cs -v "${at[@]}"
	out_has "changed by a local table (your own: $home/xdg/signpost/local.yaml)" "replaced, full"
	for f in card sms; do
		run 0 "$sp" --data "$tmp/d/t.yaml" -c CZ -l cs -f $f "${at[@]}"
		err_has "Test Line on the card: changed by a local table (your own: local.yaml)" \
			"replaced, $f (beside the card)"
		! grep -q "local table" "$tmp/out" || fail "the $f itself speaks of local tables"
	done
	run 0 "$sp" --data "$tmp/d/t.yaml" --show test-line -f card
	err_has "Test Line on the card: changed by a local table" "replaced, --show -f card"
	run 0 "$sp" --data "$tmp/d/t.yaml" -c CZ -l cs -f json "${at[@]}"
	out_has '"replaced_by":{"kind":"user","name":"local.yaml"}' "replaced, JSON"
	rm "$home/xdg/signpost/local.yaml"
else
	echo "local_files: not root (or no user nobody): ownership cases skipped" >&2
fi

if [ "$failures" -gt 0 ]; then
	echo "local_files: $failures failure(s)" >&2
	exit 1
fi
echo "local_files: ok"
