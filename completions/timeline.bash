# bash completion for timeline(1): subcommands, options, option values, template names and
# file paths. Installed as share/bash-completion/completions/timeline; to try it from the
# source tree: source completions/timeline.bash

# Template names: $TIMELINE_TEMPLATES, then the folders the binary looks in (see
# tl::template_dirs): <exe>/../templates and <exe>/../share/timeline/templates.
_timeline_template_names() {
    local exe dirs=() dir file
    [[ -n ${TIMELINE_TEMPLATES-} ]] && dirs+=("$TIMELINE_TEMPLATES")
    exe=$(type -P -- "${COMP_WORDS[0]}" 2>/dev/null)
    if [[ -n $exe ]]; then
        exe=$(readlink -f -- "$exe" 2>/dev/null || printf '%s' "$exe")
        dirs+=("${exe%/*}/../templates" "${exe%/*}/../share/timeline/templates")
    fi
    for dir in "${dirs[@]}"; do
        for file in "$dir"/*.yaml; do
            [[ -f $file ]] || continue
            file=${file##*/}
            printf '%s\n' "${file%.yaml}"
        done
    done
}

# Adds paths starting with $1 to COMPREPLY: folders (with a trailing /) and, when $2 is
# given, only files whose name matches that extended glob.
_timeline_paths() {
    local cur=$1 pattern=${2-} path
    local IFS=$'\n'
    for path in $(compgen -f -- "$cur"); do
        if [[ -d $path ]]; then
            COMPREPLY+=("$path/")
        elif [[ -z $pattern || $path == $pattern ]]; then
            COMPREPLY+=("$path")
        fi
    done
    # Folders end in '/': let the user go on typing inside them.
    compopt -o nospace -o filenames 2>/dev/null
}

_timeline() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=${COMP_WORDS[COMP_CWORD-1]}
    COMPREPLY=()
    local IFS=$' \t\n'

    local command="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            render | validate | list | totals | diff | import) command=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "render validate list totals diff import --help --version" -- "$cur"))
        return 0
    fi

    local common="-q --quiet --diagnostics --max-input-bytes --max-events -h --help"
    local filters="--from --to --actor --kind --tag --confidence --stage-tag"
    local options formats
    case $command in
        render)
            options="$common -o --output --format -t --template --title --scene --today
                     --depfile -w --watch --layout --lane-order --measure --totals-block
                     --since --changed-only
                     $filters"
            formats="pdf svg png html" ;;
        validate)
            options="$common --format"
            formats="text json" ;;
        list)
            options="$common --format $filters"
            formats="text json csv timelinejs geojson" ;;
        totals)
            options="$common --by --unit --format $filters"
            formats="text json csv" ;;
        diff)
            # OLD and NEW are files or folders (completed below) or git:REV[:PATH], typed.
            options="$common --format"
            formats="text json markdown" ;;
        import)
            options="-o --output --mapping --sheet --force -q --quiet --diagnostics
                     --max-input-bytes -h --help"
            # The word after `import` is the export's format.
            if ((COMP_CWORD == i + 1)) && [[ $cur != -* ]]; then
                COMPREPLY=($(compgen -W "sipri csv xlsx" -- "$cur"))
                return 0
            fi ;;
    esac

    case $prev in
        --format)
            COMPREPLY=($(compgen -W "$formats" -- "$cur"))
            return 0 ;;
        -t | --template)
            COMPREPLY=($(compgen -W "$(_timeline_template_names)" -- "$cur"))
            _timeline_paths "$cur" '*.@(yaml|yml)'
            return 0 ;;
        -o | --output)
            if [[ $command == import ]]; then
                COMPREPLY=($(compgen -d -S / -- "$cur"))  # a folder
                compopt -o nospace -o filenames 2>/dev/null
            else
                _timeline_paths "$cur" '*.@(pdf|svg|png|html)'
            fi
            return 0 ;;
        --scene | --depfile)
            _timeline_paths "$cur"
            return 0 ;;
        --mapping)
            # A preset shipped in templates/mappings, or a mapping file.
            COMPREPLY=($(compgen -W "acled ucdp-ged kiel" -- "$cur"))
            _timeline_paths "$cur" '*.@(yaml|yml)'
            return 0 ;;
        --by)
            COMPREPLY=($(compgen -W "supplier recipient kind stage unit year quarter month" \
                -- "$cur"))
            return 0 ;;
        --confidence)
            COMPREPLY=($(compgen -W "confirmed reported alleged assessed" -- "$cur"))
            return 0 ;;
        --diagnostics)
            COMPREPLY=($(compgen -W "first all" -- "$cur"))
            return 0 ;;
        --layout)
            COMPREPLY=($(compgen -W "auto detail density pages" -- "$cur"))
            return 0 ;;
        --lane-order)
            COMPREPLY=($(compgen -W "role events name input" -- "$cur"))
            return 0 ;;
        --stage-tag)
            COMPREPLY=($(compgen -W "announced= pledged= delivered=" -- "$cur"))
            compopt -o nospace 2>/dev/null
            return 0 ;;
        --kind)
            COMPREPLY=($(compgen -W "arms-transfer components technology-transfer
                economic-support personnel force-change military-action diplomatic sanctions
                office-term other" -- "$cur"))
            return 0 ;;
        --from | --to | --today | --title | --actor | --tag | --unit | --measure | --totals-block | \
        --max-input-bytes | --max-events | --sheet)
            return 0 ;;  # free text
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return 0
    fi
    # Inputs: event files and folders; for import, the exported files.
    if [[ $command == import ]]; then
        _timeline_paths "$cur" '*.@(csv|CSV|tsv|TSV|txt|xlsx|XLSX)'
    else
        _timeline_paths "$cur" '*.@(yaml|yml)'
    fi
    return 0
}

shopt -s extglob
complete -F _timeline timeline
