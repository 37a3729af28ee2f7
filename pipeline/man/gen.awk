# gen.awk - makes the --help texts and the man pages of newsocr from one source per page,
# so that the help, the man pages (and, checked by tests/man, the README) cannot drift apart.
#
#   awk -v mode=help    -f gen.awk SRC > cli_help.c     C strings cli_help_ID[], one a command
#   awk -v mode=man -v version=V [-v header=newsocr.h] -f gen.awk SRC > PAGE.N   roff (man)
#   awk -v mode=options -f gen.awk SRC                  "ID<TAB>SHORT<TAB>LONG<TAB>ARG" lines
#
# POSIX awk only (mawk, gawk, busybox). The source format, one directive a line:
#
#   @# ...                 a comment
#   @page NAME SECTION TEXT    the man page: name, section, one-line summary (first line)
#   @command ID NAME       a command (ID names its help string cli_help_ID; NAME as typed)
#   @usage TEXT            a synopsis line of the command
#   @text [help|man]       prose of the command (or of the section); both outputs, or only
#                          the help or only the man page
#   @option SPEC           an option: "-o, --output PATH", "--force"; description follows
#   @exit CODE             an exit status; description follows
#   @section TITLE         a man-only section (ENVIRONMENT, EXAMPLES, SEE ALSO...); ends the
#                          commands
#   @env NAME              an entry of a section (a variable, a file); description follows
#   @verbatim              lines shown as they are (examples)
#   @header                (newsocr(3)) the header comment of the file -v header= names
#   @functions             (newsocr(3)) the functions of that header, by its sections
#
# Lines after a directive are its body. In prose a blank line separates paragraphs, a line
# starting with a space is shown as it is, and a line starting with "* " is a list item on a
# line of its own. The source is ASCII (the help is printed on any terminal; groff reads
# its input as Latin-1 without preconv).

BEGIN {
    WIDTH = 79
    n = 0
    ncmd = 0
    cur = 0
    bad = 0
}

/^@#/ { next }

{
    if ($0 ~ /[^\t -~]/) {
        printf "gen.awk: %s:%d: not ASCII\n", FILENAME, FNR > "/dev/stderr"
        bad = 1
    }
}

/^@[a-z]/ {
    n++
    d = $1
    sub(/^@/, "", d)
    a = $0
    sub(/^@[a-z]+[ \t]*/, "", a)
    type[n] = d
    arg[n] = a
    nl[n] = 0
    if (d == "page") {
        split(a, p, " ")
        pname = p[1]
        psect = p[2]
        psum = a
        sub(/^[^ ]+ +[^ ]+ +/, "", psum)
    } else if (d == "command") {
        ncmd++
        split(a, p, " ")
        cmdid[ncmd] = p[1]
        cmdname[ncmd] = a
        sub(/^[^ ]+ +/, "", cmdname[ncmd])
        cur = ncmd
    } else if (d == "section") {
        cur = 0
    } else if (d != "text" && d != "usage" && d != "option" && d != "exit" && d != "env" &&
               d != "verbatim" && d != "header" && d != "functions") {
        printf "gen.awk: %s:%d: unknown directive @%s\n", FILENAME, FNR, d > "/dev/stderr"
        bad = 1
    }
    owner[n] = cur
    next
}

{
    if (n == 0) {
        printf "gen.awk: %s:%d: text before the first directive\n", FILENAME, FNR > "/dev/stderr"
        bad = 1
        next
    }
    nl[n]++
    line[n, nl[n]] = $0
}

# ---- helpers shared by both outputs ----

function spaces(k,    s) {
    s = ""
    while (k-- > 0)
        s = s " "
    return s
}

function rtrim(s) {
    sub(/[ \t]+$/, "", s)
    return s
}

# ---- the help text (C strings) ----

function emit(s) {
    outn++
    out[outn] = s
}

function blank() {
    if (outn > 0 && out[outn] != "")
        emit("")
}

# Fills `text` into lines of at most WIDTH columns, the others indented by `indent`: the
# first starts with `prefix`, which is padded to `indent` when it holds text (an option) or
# put on a line of its own when too long for that; a prefix of spaces alone is kept as it
# is (a list item hangs).
function wrap(prefix, text, indent,    w, nw, i, cur_line, pad, has) {
    pad = spaces(indent)
    if (length(prefix) >= indent - 1 && prefix ~ /[^ ]/) {
        emit(rtrim(prefix))
        prefix = pad
    } else if (length(prefix) < indent && prefix ~ /[^ ]/) {
        prefix = prefix spaces(indent - length(prefix))
    }
    cur_line = prefix
    has = 0
    nw = split(text, w, " ")
    for (i = 1; i <= nw; i++) {
        if (has && length(cur_line) + 1 + length(w[i]) > WIDTH) {
            emit(cur_line)
            cur_line = pad w[i]
        } else if (has) {
            cur_line = cur_line " " w[i]
        } else {
            cur_line = cur_line w[i]
        }
        has = 1
    }
    if (has)
        emit(cur_line)
    else if (prefix ~ /[^ ]/)
        emit(rtrim(prefix))
}

# The body of item k as help text at `indent`; the first paragraph starts with `prefix`.
function help_body(k, prefix, indent,    i, s, para, item, ipfx) {
    para = ""
    item = 0
    for (i = 1; i <= nl[k]; i++) {
        s = line[k, i]
        if (s ~ /^[ \t]*$/ || s ~ /^ / || s ~ /^\* /) {
            if (para != "" || prefix != "") {
                ipfx = item ? spaces(indent + 2) : prefix
                wrap(ipfx, para, item ? indent + 4 : indent)
                prefix = ""
            }
            para = ""
            item = 0
            if (s ~ /^[ \t]*$/) {
                if (indent == 0)
                    blank()
            } else if (s ~ /^ /) {
                emit(rtrim(spaces(indent) s))
            } else {
                item = 1
                para = substr(s, 3)
            }
            continue
        }
        para = para == "" ? s : para " " s
    }
    if (para != "" || prefix != "")
        wrap(item ? spaces(indent + 2) : prefix, para, item ? indent + 4 : indent)
}

function help_of(c,    k, u, opts, exits) {
    outn = 0
    u = 0
    for (k = 1; k <= n; k++) {
        if (owner[k] != c || type[k] != "usage")
            continue
        emit((u++ ? "       " : "Usage: ") arg[k])
    }
    opts = 0
    exits = 0
    for (k = 1; k <= n; k++) {
        if (owner[k] != c)
            continue
        if (type[k] == "text" && arg[k] != "man") {
            blank()
            help_body(k, "", 0)
        } else if (type[k] == "verbatim") {
            blank()
            help_body(k, "", 4)
        } else if (type[k] == "option") {
            if (!opts++) {
                blank()
                emit("Options:")
            }
            help_body(k, (arg[k] ~ /^--/ ? "      " : "  ") arg[k], 24)
        } else if (type[k] == "exit") {
            if (!exits++) {
                blank()
                emit("Exit status:")
            }
            help_body(k, "  " arg[k], 7)
        }
    }
}

function cstring(s) {
    gsub(/\\/, "\\\\", s)
    gsub(/"/, "\\\"", s)
    gsub(/\?/, "\\?", s)
    return s
}

function print_help(    c, i) {
    print "/* Generated by pipeline/man/gen.awk from " src ": do not edit. */"
    print "#include \"cli.h\""
    for (c = 1; c <= ncmd; c++) {
        help_of(c)
        print ""
        print "const char cli_help_" cmdid[c] "[] ="
        for (i = 1; i <= outn; i++)
            printf "    \"%s\\n\"%s\n", cstring(out[i]), i == outn ? ";" : ""
    }
}

# ---- the options, for the tests ----

function print_options(    k, nt, t, i, short, long, argname) {
    for (k = 1; k <= n; k++) {
        if (type[k] != "option")
            continue
        nt = split(arg[k], t, " ")
        short = "-"
        long = "-"
        argname = "-"
        for (i = 1; i <= nt; i++) {
            sub(/,$/, "", t[i])
            if (t[i] ~ /^--/)
                long = t[i]
            else if (t[i] ~ /^-/)
                short = t[i]
            else
                argname = t[i]
        }
        print cmdid[owner[k]] "\t" short "\t" long "\t" argname
    }
}

# ---- the man page (roff) ----

# Escapes a line of text for roff: backslashes, a leading control character, and the
# hyphens of option names (so that they print as ASCII hyphen-minus).
function resc(s,    w, nw, i, r) {
    gsub(/\\/, "\\e", s)
    nw = split(s, w, " ")
    r = ""
    for (i = 1; i <= nw; i++) {
        if (w[i] ~ /^[(\[`'"]*-/)
            gsub(/-/, "\\-", w[i])
        r = r (i > 1 ? " " : "") w[i]
    }
    if (r ~ /^[.']/)
        r = "\\&" r
    return r
}

# One token of a synopsis or option spec: options bold, metavariables italic.
function tokfmt(t,    tail, pre) {
    pre = ""
    tail = ""
    if (t ~ /^\[/) {
        pre = "["
        t = substr(t, 2)
    }
    while (t ~ /(\]|,|\.\.\.)$/) {
        if (t ~ /\.\.\.$/) {
            tail = "..." tail
            t = substr(t, 1, length(t) - 3)
        } else {
            tail = substr(t, length(t)) tail
            t = substr(t, 1, length(t) - 1)
        }
    }
    gsub(/\\/, "\\e", t)
    if (t ~ /^-/) {
        gsub(/-/, "\\-", t)
        return pre "\\fB" t "\\fR" tail
    }
    if (t ~ /^[A-Z][A-Z0-9_.\/|]*$/ || t ~ /^@[A-Z]+$/)
        return pre "\\fI" t "\\fR" tail
    gsub(/-/, "\\-", t)
    return pre "\\fB" t "\\fR" tail
}

function specfmt(s,    t, nt, i, r) {
    nt = split(s, t, " ")
    r = ""
    for (i = 1; i <= nt; i++)
        r = r (i > 1 ? " " : "") tokfmt(t[i])
    return r
}

# The body of item k as roff; `para` is the request that starts a new paragraph in it.
function man_body(k, para,    i, s, nf) {
    nf = 0
    for (i = 1; i <= nl[k]; i++) {
        s = line[k, i]
        if (s ~ /^ /) {
            if (!nf) {
                print ".nf"
                nf = 1
            }
            print resc_nf(s)
            continue
        }
        if (nf) {
            print ".fi"
            nf = 0
        }
        if (s ~ /^[ \t]*$/)
            print para
        else if (s ~ /^\* /)
            print ".br\n" resc(substr(s, 3))
        else
            print resc(s)
    }
    if (nf)
        print ".fi"
}

# A line shown as it is: only backslashes and a leading control character escaped, and
# hyphens made ASCII.
function resc_nf(s) {
    gsub(/\\/, "\\e", s)
    gsub(/-/, "\\-", s)
    if (s ~ /^[.']/)
        s = "\\&" s
    return s
}

function man_command(c, first,    k, opts, exits, t, i) {
    if (!first)
        print ".SH \"" toupper(cmdname[c]) "\""
    else
        print ".SH DESCRIPTION"
    opts = 0
    exits = 0
    t = 0
    for (k = 1; k <= n; k++) {
        if (owner[k] != c || type[k] == "command" || type[k] == "usage")
            continue
        if (type[k] == "text" && arg[k] != "help") {
            print ".PP"
            man_body(k, ".PP")
        } else if (type[k] == "verbatim") {
            print ".PP\n.RS 4\n.nf"
            for (i = 1; i <= nl[k]; i++)
                print resc_nf(line[k, i])
            print ".fi\n.RE"
        } else if (type[k] == "option") {
            if (!opts++)
                print first ? ".SH OPTIONS" : ".SS Options"
            print ".TP\n" specfmt(arg[k])
            man_body(k, ".IP")
        } else if (type[k] == "exit") {
            if (!exits++)
                print first ? ".SH \"EXIT STATUS\"" : ".SS \"Exit status\""
            print ".TP\n.B " arg[k]
            man_body(k, ".IP")
        }
    }
}

# newsocr(3): the header comment of the public header, prose filled, indented lines as they
# are.
function man_header(    s, started, nf) {
    started = 0
    nf = 0
    while ((getline s < header) > 0) {
        if (!started) {
            if (s ~ /^\/\*/)
                started = 1
            continue
        }
        if (s ~ /\*\//)
            break
        sub(/^ \*/, "", s)
        sub(/^ /, "", s)
        if (s ~ /^ / ) {
            if (!nf) {
                print ".nf"
                nf = 1
            }
            print resc_nf(s)
            continue
        }
        if (nf) {
            print ".fi"
            nf = 0
        }
        print s ~ /^[ \t]*$/ ? ".PP" : resc(s)
    }
    if (nf)
        print ".fi"
    close(header)
}

# newsocr(3): the functions of the header, under the header's section titles (the line after
# each "/* ----" rule).
function man_functions(    s, title, names, fn, after_rule) {
    names = ""
    after_rule = 0
    print ".PP"
    while ((getline s < header) > 0) {
        if (after_rule) {
            after_rule = 0
            title = s
            sub(/^ \* */, "", title)
            if (names != "")
                print names
            names = ""
            print ".SS \"" title "\""
            continue
        }
        if (s ~ /^\/\* -----/) {
            after_rule = 1
            continue
        }
        if (s ~ /^typedef/ || s !~ /^[a-z][^(]*[ *]nocr_[a-z0-9_]+\(/)
            continue
        fn = s
        sub(/\(.*/, "", fn)
        sub(/.*[ *]/, "", fn)
        names = names (names == "" ? "" : ",\n") "\\fB" fn "\\fR()"
    }
    if (names != "")
        print names
    close(header)
}

function print_man(    k, c, i, u, nt, t, j, seen, nseen) {
    print ".\\\" Generated by pipeline/man/gen.awk from " src ": do not edit."
    print ".TH " toupper(pname) " " psect " \"\" \"newsocr " version "\" \"" \
        (psect == 3 ? "Library Functions Manual" : "User Commands") "\""
    print ".nh\n.ad l"
    print ".SH NAME"
    print resc(pname) " \\- " resc(psum)
    if (ncmd > 0) {
        print ".SH SYNOPSIS"
        nseen = 0
        for (k = 1; k <= n; k++) {
            if (type[k] != "usage")
                continue
            for (j = 1; j <= nseen && seen[j] != arg[k]; j++)
                ;
            if (j <= nseen)
                continue
            seen[++nseen] = arg[k]
            print (nseen > 1 ? ".br\n" : "") specfmt(arg[k])
        }
    }
    for (c = 1; c <= ncmd; c++)
        man_command(c, c == 1)
    for (k = 1; k <= n; k++) {
        if (owner[k] != 0)
            continue
        if (type[k] == "section") {
            print ".SH \"" toupper(arg[k]) "\""
            u = 0
        } else if (type[k] == "text" && arg[k] != "help") {
            print ".PP"
            man_body(k, ".PP")
        } else if (type[k] == "env") {
            print ".TP\n.B " resc(arg[k])
            man_body(k, ".IP")
        } else if (type[k] == "verbatim") {
            print ".PP\n.RS 4\n.nf"
            for (i = 1; i <= nl[k]; i++)
                print resc_nf(line[k, i])
            print ".fi\n.RE"
        } else if (type[k] == "header") {
            man_header()
        } else if (type[k] == "functions") {
            man_functions()
        }
    }
}

END {
    if (bad)
        exit 1
    src = ARGV[1]
    sub(/.*\//, "", src)
    if (mode == "help")
        print_help()
    else if (mode == "options")
        print_options()
    else if (mode == "man")
        print_man()
    else {
        print "gen.awk: mode must be help, man or options" > "/dev/stderr"
        exit 1
    }
}
