# zsh-complete.zsh - prints the completions zsh offers for a command line,
# one "match -- description" per line, using the real completion system in
# a pseudo-terminal (zsh/zpty) with compadd wrapped to print its matches.
#
# Usage: zsh -f zsh-complete.zsh FPATH_DIR 'command line to complete'
#
# The technique and the compadd wrapper follow capture.zsh of
# zsh-capture-completion (https://github.com/Valodim/zsh-capture-completion),
# whose licence, the MIT (Expat) licence, this file keeps:
#
# Copyright (c) 2015 Vincent Breitmoser
# Copyright (c) 2026 the signpost authors
#
# Permission is hereby granted, free of charge, to any person obtaining a
# copy of this software and associated documentation files (the
# "Software"), to deal in the Software without restriction, including
# without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to
# permit persons to whom the Software is furnished to do so, subject to
# the following conditions:
#
# The above copyright notice and this permission notice shall be included
# in all copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS
# OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
# MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
# IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY
# CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT,
# TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE
# SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
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
