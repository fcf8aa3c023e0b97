#!/usr/bin/env bash
# destdir-test.sh - installs the build into a temporary DESTDIR with
# prefix /usr and checks that every expected file is there, that no
# installed file carries an RPATH or a build path, that the man pages are
# lint-clean, and that the installed binary, run from outside the source
# tree with an empty environment, reads only the installed data, through
# the installed index and the installed UI catalogs (ICU resource bundles).
#
# Usage: destdir-test.sh SOURCE_DIR BUILD_DIR release|sanitize LIBEXECDIR SYSCONFDIR
# (the last two as configured: the man pages name them).
# SIGNPOST_ZSH_COMPLETION_DIR is the build's zsh completion directory
# (relative to the prefix, or absolute; default share/zsh/site-functions).
set -euo pipefail
src=$1 build=$2 libexec=$4 sysconf=$5
zsh_dir=${SIGNPOST_ZSH_COMPLETION_DIR:-share/zsh/site-functions}
case $zsh_dir in
/*) zsh_dir=${zsh_dir#/} ;;
*) zsh_dir=usr/$zsh_dir ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "destdir-test: $*" >&2; exit 1; }

root=$tmp/root
mkdir -p "$tmp/home"
DESTDIR=$root cmake --install "$build" --prefix /usr >"$tmp/install.log" ||
	{ cat "$tmp/install.log" >&2; fail "cmake --install failed"; }

# Every file we expect, and nothing we do not.
expected=(
	usr/bin/signpost
	usr/libexec/signpost/signpost-mkindex
	usr/share/signpost/services.yaml
	usr/share/signpost/services.idx
	usr/share/signpost/emergency.yaml
	usr/share/signpost/emergency.idx
	usr/share/signpost/holidays.yaml
	usr/share/signpost/holidays.idx
	usr/share/signpost/names.cache
	usr/share/signpost/signpost.schema.json
	usr/share/man/man5/signpost.5
	usr/share/doc/signpost/README.md
	usr/share/doc/signpost/README.data.md
	usr/share/doc/signpost/LICENSE
	usr/share/bash-completion/completions/signpost
	"$zsh_dir/_signpost"
	usr/share/fish/vendor_completions.d/signpost.fish
)
# One bundle per translation, and English from the template.
expected+=(usr/share/signpost/locales/en.res)
for f in "$src"/locales/*.po; do
	name=${f##*/}
	expected+=("usr/share/signpost/locales/${name%.po}.res")
done
expected+=(usr/share/man/man1/signpost.1)
# The translated man pages (written by po4a from man/po/signpost.N/LANG.po)
# go to the localised man directories.
for f in "$src"/man/po/signpost.[1-9]/*.po; do
	lang=${f##*/} lang=${lang%.po} page=${f%/*} page=${page##*/}
	expected+=("usr/share/man/$lang/man${page##*.}/$page")
done
for f in "${expected[@]}"; do
	[ -f "$root/$f" ] || fail "not installed: /$f"
done
printf '%s\n' "${expected[@]}" | sort >"$tmp/want"
(cd "$root" && find . -type f | sed 's|^\./||' | sort) >"$tmp/have"
diff -u "$tmp/want" "$tmp/have" >&2 || fail "installed files differ from the expected list"
[ -x "$root/usr/bin/signpost" ] || fail "/usr/bin/signpost is not executable"

# No RPATH or RUNPATH, and no build or source path in any installed file.
if readelf -d "$root/usr/bin/signpost" | grep -Eq 'RPATH|RUNPATH'; then
	fail "the binary has an RPATH"
fi
for p in "$(cd "$build" && pwd -P)" "$(cd "$src" && pwd -P)"; do
	[ "${3:-release}" = sanitize ] && break
	if grep -rlF -- "$p" "$root" >&2; then
		fail "build or source path $p in the files above"
	fi
done

# The pages name the paths the build was configured with, which CMake
# filled in, in every language.
for page in "$root"/usr/share/man/*man5/signpost.5 "$root"/usr/share/man/*/man5/signpost.5; do
	grep -qxF ".It Pa $libexec/signpost/signpost-mkindex" "$page" ||
		fail "${page#"$root"} does not name $libexec/signpost/signpost-mkindex"
	grep -qF "$sysconf/signpost" "$page" || fail "${page#"$root"} does not name $sysconf/signpost"
	if grep -n '@[A-Z_]*@' "$page" >&2; then fail "${page#"$root"} has unsubstituted paths"; fi
done

# Man pages: clean under mandoc -Tlint and groff -ww.  mandoc stops at
# warnings: its one STYLE note, "referenced manual not found: Xr signpost
# 1", depends on the system's man database, not on the page.
for page in "$root"/usr/share/man/man*/signpost.*; do
	mandoc -Tlint -Wwarning "$page" >&2 || fail "mandoc -Tlint: ${page#"$root"}"
	out=$(groff -ww -z -mandoc "$page" 2>&1) || fail "groff failed on $page"
	[ -z "$out" ] || { echo "$out" >&2; fail "groff -ww warns on $page"; }
done

# Run the installed binary from an unrelated directory with an empty
# environment; it must find its data relative to itself and open no YAML
# file outside the DESTDIR.
cd "$tmp/home"
env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 TZ=UTC HOME="$tmp/home" COLUMNS=80 NO_COLOR=1 \
	ASAN_OPTIONS=detect_leaks=0 \
	strace -f -qq -e trace=openat,open -o "$tmp/trace" \
	"$root/usr/bin/signpost" -c CZ -l cs --no-input >"$tmp/out" 2>"$tmp/err" ||
	{ cat "$tmp/err" >&2; fail "the installed signpost -c CZ -l cs failed"; }
grep -q 'Parafilik' "$tmp/out" || { cat "$tmp/out" >&2; fail "no Parafilik in the output"; }
grep -E '\.yaml"' "$tmp/trace" >"$tmp/yaml" || fail "no YAML file opened?"
grep -Fq "\"$root/usr/share/signpost/services.yaml\"" "$tmp/yaml" ||
	{ cat "$tmp/yaml" >&2; fail "the installed table was not read"; }
# The installed index must be current and used: the table is then opened
# once (for the ranges the index names), not a second time in full.
for f in services emergency holidays; do
	grep -Fq "\"$root/usr/share/signpost/$f.idx\"" "$tmp/trace" ||
		fail "the installed index $f.idx was not opened"
done
[ "$(grep -c 'share/signpost/services.yaml"' "$tmp/yaml")" = 1 ] ||
	{ cat "$tmp/yaml" >&2; fail "the installed index was stale: the whole table was read"; }
# The installed catalog of the UI language (English here) is the one read.
grep -Fq "\"$root/usr/share/signpost/locales/en.res\"" "$tmp/trace" ||
	{ grep -F '.res"' "$tmp/trace" >&2; fail "the installed catalog en.res was not opened"; }
if grep -v -F "\"$root/" "$tmp/yaml" | grep -v ENOENT >&2; then
	fail "YAML opened outside the DESTDIR (above)"
fi
echo "destdir-test: ok (${#expected[@]} files)"
