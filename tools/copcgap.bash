# bash completion for copcgap (installed by make install).
_copcgap()
{
    local cur prev cmd
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=${COMP_WORDS[1]}
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "validate kpi assess plan import history diff --help --version" -- "$cur"))
        return
    fi
    case $prev in
        -c|--catalog) COMPREPLY=($(compgen -f -X '!*.xml' -- "$cur")); return ;;
        -o|--output|-j|--json) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --xlsx) COMPREPLY=($(compgen -f -X '!*.xlsx' -- "$cur")); return ;;
        -l|--lang) COMPREPLY=($(compgen -W "en es" -- "$cur")); return ;;
        -t|--template) COMPREPLY=($(compgen -W "auditor consultant executive" -- "$cur") $(compgen -f -X '!*.xml' -- "$cur")); return ;;
        --fail-under) COMPREPLY=($(compgen -W "ready conditional" -- "$cur")); return ;;
        -f|--format) COMPREPLY=($(compgen -W "table csv json xlsx" -- "$cur")); return ;;
        --font-dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --db) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --capacity|--audit-date) return ;;
    esac
    case $cmd in
        validate) COMPREPLY=($(compgen -f -X '!*.xml' -- "$cur")) ;;
        kpi) COMPREPLY=($(compgen -W "-o --output -c --catalog --bom --help" -- "$cur") $(compgen -d -- "$cur")) ;;
        assess) COMPREPLY=($(compgen -W "-c --catalog -o --output -j --json --xlsx -l --lang -t --template --fail-under --font-dir --db --help" -- "$cur") $(compgen -d -- "$cur")) ;;
        plan) COMPREPLY=($(compgen -W "-c --catalog -f --format -o --output -l --lang --capacity --audit-date --bom --db --help" -- "$cur") $(compgen -d -- "$cur")) ;;
        import) COMPREPLY=($(compgen -W "--db -c --catalog -l --lang --help" -- "$cur") $(compgen -d -- "$cur")) ;;
        history|diff) COMPREPLY=($(compgen -W "--db -f --format -o --output -l --lang --help" -- "$cur")) ;;
    esac
}
complete -o filenames -F _copcgap copcgap
