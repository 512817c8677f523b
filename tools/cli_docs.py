#!/usr/bin/env python3
"""Writes the man page and the bash completion of quoteledger from the
program's own option definitions: it runs `quoteledger [SUB...] --help`
for every command and sub-command, so the two never drift from the CLI.

  cli_docs.py QUOTELEDGER MAN_OUT COMPLETION_OUT VERSION
"""
import re
import subprocess
import sys


def help_of(exe, path):
    out = subprocess.run([exe, *path, '--help'], capture_output=True, text=True, check=True)
    return out.stdout


def parse(text):
    """(description, usage, [(option, help)], [(subcommand, help)])."""
    lines = text.splitlines()
    description = lines[0].strip() if lines and not lines[0].startswith('Usage') else ''
    usage = next((l[len('Usage: '):] for l in lines if l.startswith('Usage: ')), '')
    options, subs, section = [], [], None
    for line in lines:
        if line.startswith('Options:'):
            section = options
        elif line.startswith('Subcommands:'):
            section = subs
        elif line.startswith('Positionals:'):
            section = None
        elif section is not None and line.startswith(' ' * 10) and section:
            name, text_ = section[-1]  # a help text wrapped, or set under a long name
            section[-1] = (name, (text_ + ' ' + line.strip()).strip())
        elif section is not None and line.startswith('  ') and line.strip():
            m = re.match(r'\s+(\S+(?: \S+)*?)\s{2,}(.*)$', line)
            name, text_ = (m.group(1), m.group(2)) if m else (line.strip(), '')
            section.append((name, text_))
    return description, usage, options, subs


def walk(exe, path=()):
    """Every command as (path, parsed help), depth first."""
    parsed = parse(help_of(exe, list(path)))
    yield path, parsed
    for name, _ in parsed[3]:
        yield from walk(exe, (*path, name))


def option_words(options):
    words = []
    for name, _ in options:
        for part in name.split(' ')[0].split(','):
            if part.startswith('-'):
                words.append(part)
    return words


def roff(s):
    return s.replace('\\', '\\e').replace('-', '\\-').replace("'", "\\'")


def man_page(commands, version):
    out = [f'.TH QUOTELEDGER 1 "" "quoteledger {version}" "User Commands"',
           '.SH NAME', 'quoteledger \\- who said what, where, in what role',
           '.SH SYNOPSIS', '.B quoteledger', '[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]']
    top_desc, _, top_opts, _ = commands[0][1]
    out += ['.SH DESCRIPTION', roff(top_desc) + '.',
            'Each command is listed below with its options, as `quoteledger COMMAND --help` prints them.',
            '.SH OPTIONS']
    for name, text in top_opts:
        out += ['.TP', f'.B {roff(name)}', roff(text)]
    out.append('.SH COMMANDS')
    for path, (desc, _, options, subs) in commands[1:]:
        out += ['.SS ' + roff(' '.join(path)), roff(desc)]
        for name, text in options:
            if name.startswith('-h,'):
                continue
            out += ['.TP', f'.B {roff(name)}', roff(text)]
    out += ['.SH FILES', '.TP', '.B quoteledger.db',
            'the ledger, unless \\-\\-db or $QUOTELEDGER_DB names another',
            '.SH EXIT STATUS', '0 on success; 1 when a query finds nothing; 2 on bad input or a failure, with a message on standard error.']
    return '\n'.join(out) + '\n'


def completion(commands):
    """A bash completion function: sub-commands, then each command's options."""
    cases = []
    for path, (_, _, options, subs) in commands:
        key = ' '.join(path)
        words = ' '.join([s for s, _ in subs] + option_words(options))
        cases.append(f'    "{key}") words="{words}" ;;')
    return """# bash completion for quoteledger (generated from its --help)
_quoteledger() {
  local cur=${COMP_WORDS[COMP_CWORD]} path="" w words
  for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case "$w" in -*) ;; *) if [[ " $(_quoteledger_words "$path") " == *" $w "* ]]; then path="${path:+$path }$w"; fi ;; esac
  done
  words=$(_quoteledger_words "$path")
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  [[ ${#COMPREPLY[@]} -eq 0 ]] && COMPREPLY=($(compgen -f -- "$cur"))
  return 0
}
_quoteledger_words() {
  local words=""
  case "$1" in
""" + '\n'.join(cases) + """
  esac
  echo "$words"
}
complete -F _quoteledger quoteledger
"""


def main():
    exe, man_out, comp_out, version = sys.argv[1:5]
    commands = list(walk(exe))
    with open(man_out, 'w') as f:
        f.write(man_page(commands, version))
    with open(comp_out, 'w') as f:
        f.write(completion(commands))


if __name__ == '__main__':
    main()
