#!/usr/bin/env bash
# completion-test.sh - loads each completion script in its own shell
# (bash with bash-completion, zsh through its completion system, fish) and
# checks a few completions: options, --format, --list and --ui-language
# values, and countries and languages that the scripts get by running
# `signpost --list ...`, so they follow the data.
#
# Usage: completion-test.sh SOURCE_DIR BIN_DIR [bash|zsh|fish]
set -euo pipefail
src=$1 bin=$2 only=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# What the test writes, and its copy of the fixtures, must be tables
# signpost trusts whatever the checkout's modes (src/trust.h).
umask 022
export PATH="$bin:/usr/bin:/bin" LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC HOME=$tmp \
	XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config COLUMNS=80 NO_COLOR=1
unset LANGUAGE SIGNPOST_DATA
comp=$src/data/completions
failures=0

# The values the completions must offer come from signpost itself.
ui=$(signpost --list ui-languages | cut -f1 | sort | tr '\n' ' ')
[ -n "$ui" ] || { echo "completion-test: signpost --list ui-languages is empty" >&2; exit 1; }

# expect SHELL LINE WORD...: each WORD must be among the completions.
# expect_not SHELL LINE WORD...: no WORD may be.
check() {
	local mode=$1 sh=$2 line=$3 w
	shift 3
	case $sh in
	bash) complete_bash "$line" ;;
	zsh) timeout 30 zsh -f "$here/zsh-complete.zsh" "$comp" "$line" | sed 's/ -- .*//' ;;
	fish) fish --no-config -c "source '$comp/signpost.fish'; complete -C'$line'" | cut -f1 ;;
	esac >"$tmp/got" 2>"$tmp/err" || true
	for w in "$@"; do
		if grep -qxF -- "$w" "$tmp/got"; then
			[ "$mode" = yes ] && continue
			echo "FAIL $sh: '$line' offers '$w'" >&2
		else
			[ "$mode" = no ] && continue
			echo "FAIL $sh: '$line' does not offer '$w'; it offers:" >&2
			sed 's/^/    /' "$tmp/got" "$tmp/err" | head -20 >&2
		fi
		failures=$((failures + 1))
	done
}
expect() { check yes "$@"; }
expect_not() { check no "$@"; }

complete_bash() {
	bash --norc --noprofile -c '
		source /usr/share/bash-completion/bash_completion
		source "$1/signpost.bash"
		compopt() { :; }
		read -ra COMP_WORDS <<<"$2"
		[[ $2 == *" " ]] && COMP_WORDS+=("")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE=$2 COMP_POINT=${#2}
		$(complete -p signpost | sed "s/.*-F \([^ ]*\) .*/\1/") signpost \
			"${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}"' bash "$comp" "$1"
}

sed 's/^  - id: bridge$/  - id: bridge-fixture/' "$src/data/services.yaml" >"$tmp/t.yaml"
signpost --data "$tmp/t.yaml" --show bridge-fixture >/dev/null ||
	{ echo "completion-test: the renamed table does not load" >&2; exit 1; }

for sh in bash zsh fish; do
	[ -z "$only" ] || [ "$only" = "$sh" ] || continue
	command -v "$sh" >/dev/null || { echo "FAIL: $sh is not installed" >&2; failures=$((failures + 1)); continue; }
	expect "$sh" 'signpost --for' --format
	expect "$sh" 'signpost --' --country --language --list --ui-language --check --version
	expect "$sh" 'signpost --format ' text json card
	expect "$sh" 'signpost --list ' countries languages services ui-languages sources
	expect_not "$sh" 'signpost --list ' text
	# shellcheck disable=SC2086
	expect "$sh" 'signpost --ui-language ' $ui
	expect "$sh" 'signpost -c C' CZ CA
	expect "$sh" 'signpost --country C' CZ Czechia
	expect_not "$sh" 'signpost --country C' GB
	expect "$sh" 'signpost -l ' cs de en
	expect "$sh" 'signpost -l Cz' Czech
	expect "$sh" 'signpost --show br' bridge

	# The values follow the data the command line names, not the script:
	# a service renamed in a --data table is offered under its new id.
	expect "$sh" "signpost --data $tmp/t.yaml --show bridge-" bridge-fixture
	expect_not "$sh" "signpost --data $tmp/t.yaml --show bri" bridge
done

[ "$failures" -eq 0 ] || { echo "completion-test: $failures failures" >&2; exit 1; }
echo "completion-test: ok"
