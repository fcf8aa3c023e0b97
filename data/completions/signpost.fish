# fish completion for signpost(1).
#
# Country, language, service and UI-language values come from the signpost
# being completed (`signpost --list ...`, CODE<TAB>Name per line), so they
# follow the installed data and never go stale.  Installed as
# share/fish/vendor_completions.d/signpost.fish.

# Prints `signpost --list $argv[1]` from the program on the command line,
# passing on --data and --ui-language so the lists match what it will use.
function __signpost_list
    set -l words (commandline -opc)
    set -l extra
    set -l i 2
    while test $i -lt (count $words)
        switch $words[$i]
            case --data --ui-language
                set extra $extra $words[$i] $words[(math $i + 1)]
            case '--data=*' '--ui-language=*'
                set extra $extra $words[$i]
        end
        set i (math $i + 1)
    end
    $words[1] $extra --no-input --list $argv[1] 2>/dev/null
end

# Codes described by their names, then names described by their codes.
function __signpost_codes_and_names
    set -l lines (__signpost_list $argv[1])
    printf '%s\n' $lines
    for line in $lines
        set -l f (string split -m 1 \t -- $line)
        printf '%s\t%s\n' $f[2] $f[1]
    end
end

complete -c signpost -f
complete -c signpost -s c -l country -x -d "The caller's country" -a '(__signpost_codes_and_names countries)'
complete -c signpost -s l -l language -x -d "The caller's language" -a '(__signpost_codes_and_names languages)'
complete -c signpost -s a -l audience -x -d 'Who is asking' -a '(__fish_append , self close professional all)'
complete -c signpost -s f -l format -x -d 'Output format' -a 'text json card'
complete -c signpost -l open-now -d 'Only services with a line open now'
complete -c signpost -l at -x -d 'Evaluate opening hours at DATETIME'
complete -c signpost -l show -x -d 'Everything about one service' -a '(__signpost_list services)'
complete -c signpost -l list -x -d 'List a table' -a 'countries languages services ui-languages sources'
complete -c signpost -l check -d 'Check a table and list every problem'
complete -c signpost -l stale -x -d 'With --check, warn about old entries'
complete -c signpost -l data -r -F -d 'Use this table instead of the shipped one'
complete -c signpost -l ui-language -x -d 'The language of signpost itself' -a '(__signpost_list ui-languages)'
complete -c signpost -l color -l colour -x -d 'Colour open and closed lines' -a 'auto always never'
complete -c signpost -l no-input -d 'Never ask questions'
complete -c signpost -l discreet -d 'Clear the screen and scrollback when the session ends'
complete -c signpost -s h -l help -d 'Show the help'
complete -c signpost -s V -l version -d 'Show the version'
# The only operand is the FILE of --check.
complete -c signpost -n '__fish_seen_subcommand_from --check' -F
