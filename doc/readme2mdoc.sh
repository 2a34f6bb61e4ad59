#!/bin/sh
# Prints one section of README.md as an mdoc section for the man page, so the page and the README cannot
# drift apart:   doc/readme2mdoc.sh README.md "### How attempts are counted" "COUNTING RULES"
# It knows what those sections use: paragraphs, a numbered list, a two-column table, `code`, **bold**,
# *italics*, links.
set -eu
readme="$1"; heading="$2"; title="$3"
printf '.Sh %s\n' "$title"
awk -v heading="$heading" '
    function close_list() { if (list != "") { print ".El"; list = "" } }
    $0 == heading { inside = 1; next }
    inside && /^#/ { exit }
    !inside { next }
    /^$/ { blank = 1; next }
    /^\| *-/ { next }
    /^\|/ {
        n = split($0, cell, "|")
        if (cell[2] ~ /^ *(code|field|file) *$/) next
        if (list != "tag") { close_list(); print ".Bl -tag -width Ds"; list = "tag" }
        gsub(/^ +| +$/, "", cell[2]); gsub(/^ +| +$/, "", cell[3])
        print ".It " cell[2]; print cell[3]; blank = 0; next
    }
    /^[0-9]+\. / {
        if (list != "enum") { close_list(); print ".Bl -enum"; list = "enum" }
        print ".It"; sub(/^[0-9]+\. /, ""); print; blank = 0; next
    }
    /^   / && list == "enum" && !blank { sub(/^ +/, ""); print; next }
    {
        close_list()
        if (started && (blank || printed_macro)) print ".Pp"
        print; started = 1; blank = 0; printed_macro = 0
    }
    END { close_list() }
' "$readme" | sed -E '
    /^\.(Bl|El|It|Pp)( |$)/b
    s/\\/\\e/g
    s/\*\*([^*]+)\*\*/\\fB\1\\fR/g
    s/`([^`]+)`/\\fB\1\\fR/g
    s/\*([^*]+)\*/\\fI\1\\fR/g
    s/\[([^]]+)\]\([^)]*\)/\1/g
    s/([.;?!]) ([A-Z(])/\1\n\2/g
    s/^([.'"'"'])/\\\&\1/
    s/\n([.'"'"'])/\n\\\&\1/g
'
