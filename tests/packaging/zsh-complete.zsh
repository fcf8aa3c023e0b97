# zsh-complete.zsh - prints the completions zsh offers for a command line,
# one "match -- description" per line, using the real completion system in
# a pseudo-terminal (zsh/zpty) with compadd wrapped to print its matches.
#
# Usage: zsh -f zsh-complete.zsh FPATH_DIR 'command line to complete'
# Adapted from the capture technique of zsh-completion test harnesses.
zmodload zsh/zpty || exit 2
zpty z zsh -f -i
zpty -w z 'PROMPT= RPROMPT= ; unsetopt zle_bracketed_paste 2>/dev/null'
zpty -w z "fpath=(${(q)1} \$fpath)"
zpty -w z 'autoload -Uz compinit && compinit -u -D'
zpty -w z "zstyle ':completion:*' list-grouped false"
zpty -w z "zstyle ':completion:*' insert-tab false"
zpty -w z "zstyle ':completion:*' list-separator ''"
# Print every match compadd is given (with -d descriptions, if any).
zpty -w z 'compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"; return $?
  fi
  typeset -a __hits __dscr __tmp
  if (( $@[(I)-d] )); then
    __tmp=${@[$[${@[(i)-d]}+1]]}
    if [[ $__tmp == \(* ]]; then eval "__dscr=$__tmp"; else __dscr=( "${(@P)__tmp}" ); fi
  fi
  builtin compadd -A __hits -D __dscr "$@"
  [[ -n $__hits ]] || return
  local i dscr
  for i in {1..$#__hits}; do
    (( $#__dscr >= $i )) && dscr=" -- ${${__dscr[$i]}##$__hits[$i] #}" || dscr=
    print -r -- $'"'"'\x3cM\x3e'"'"'"$__hits[$i]$dscr"
  done
}'
# The markers are written escaped so that zle's echo of this input never
# matches them.
zpty -w z 'null-line () { print -r -- $'"'"'\x3cEND\x3e'"'"' }'
zpty -w z 'compprefuncs=( ); comppostfuncs=( null-line exit )'
# Last: Enter no longer runs a line, Tab completes.
zpty -w z 'bindkey "^M" undefined-key; bindkey "^J" undefined-key; bindkey "^I" complete-word'
zpty -n -w z "$2"$'\t'
# Read everything up to the marker (the caller runs this under timeout).
local out line
zpty -r z out '*<END>*' || exit 2
for line in "${(@f)out}"; do
  line=${line//$'\r'/}
  # The first match may follow the echo of the command line.
  [[ $line == *'<M>'* ]] && print -r -- "${line##*<M>}"
done
zpty -d z
