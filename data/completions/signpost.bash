# bash completion for signpost(1).
#
# Country, language, service and UI-language values come from the signpost
# being completed (`signpost --list ...`, CODE<TAB>Name per line), so they
# follow the installed data and never go stale.  Installed as
# share/bash-completion/completions/signpost.

# Prints `signpost --list $1` from the program on the command line, passing
# on --data and --ui-language so the lists match what the command will use.
_signpost_list()
{
	local prog=${COMP_WORDS[0]} i
	local -a extra=()

	# Only options whose value is complete: before the word being completed.
	for ((i = 1; i + 1 < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--data | --ui-language)
			if [[ ${COMP_WORDS[i + 1]} == = ]]; then
				((i + 2 < COMP_CWORD)) &&
					extra+=("${COMP_WORDS[i]}" "${COMP_WORDS[i + 2]}")
			else
				extra+=("${COMP_WORDS[i]}" "${COMP_WORDS[i + 1]}")
			fi
			;;
		esac
	done
	"$prog" "${extra[@]}" --no-input --list "$1" 2>/dev/null
}

# Completes $cur against the codes and the names of `--list $1`; names may
# contain spaces, so each candidate is quoted for the command line.
_signpost_codes_and_names()
{
	local code name lcur=${cur,,}
	local -a out=()

	while IFS=$'\t' read -r code name; do
		[[ -n $code ]] || continue
		if [[ ${code,,} == "$lcur"* ]]; then
			out+=("$code")
		fi
		if [[ -n $name && ${name,,} == "$lcur"* ]]; then
			out+=("$(printf '%q' "$name")")
		fi
	done < <(_signpost_list "$1")
	COMPREPLY=("${out[@]}")
}

_signpost()
{
	local cur prev words cword split
	_init_completion -s || return

	case $prev in
	-c | --country)
		_signpost_codes_and_names countries
		return
		;;
	-l | --language)
		_signpost_codes_and_names languages
		return
		;;
	--show)
		COMPREPLY=($(compgen -W "$(_signpost_list services | cut -f1)" -- "$cur"))
		return
		;;
	--ui-language)
		COMPREPLY=($(compgen -W "$(_signpost_list ui-languages | cut -f1)" -- "$cur"))
		return
		;;
	-f | --format)
		COMPREPLY=($(compgen -W 'text json card' -- "$cur"))
		return
		;;
	--list)
		COMPREPLY=($(compgen -W 'countries languages services ui-languages sources' -- "$cur"))
		return
		;;
	--color | --colour)
		COMPREPLY=($(compgen -W 'auto always never' -- "$cur"))
		return
		;;
	-a | --audience)
		# A comma-separated list: complete the word after the last comma.
		local prefix=
		[[ $cur == *,* ]] && prefix=${cur%,*},
		COMPREPLY=($(compgen -P "$prefix" -W 'self close professional all' -- "${cur##*,}"))
		compopt -o nospace
		return
		;;
	--data | --check)
		_filedir '@(yaml|yml)'
		return
		;;
	--at | --stale)
		return
		;;
	esac

	$split && return

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W '--country --language --audience --format
			--open-now --at --show --list --check --stale --data
			--ui-language --color --no-input --discreet --help --version
			-c -l -a -f -h -V' -- "$cur"))
		return
	fi
	# A FILE after --check is the only operand.
	local i
	for ((i = 1; i < cword; i++)); do
		if [[ ${words[i]} == --check ]]; then
			_filedir '@(yaml|yml)'
			return
		fi
	done
} &&
	complete -F _signpost signpost
