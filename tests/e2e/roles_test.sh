#!/usr/bin/env bash
# Roles decide: a name alone lets a letter through (policy.toml: private_name = false), the
# same name as a pupil's, a guardian's or in a school case holds it, and the report says
# which. Fails when the detectors' roles are lost on the way to the policy.
source "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1

letter() { printf '%b' "$2" >"$1.txt"; }
letter plain 'Takk for besøket\n\nVi takker Sindre Haugland for et hyggelig besøk på biblioteket i går.\n\nMed vennlig hilsen\nBiblioteket\n'
letter pupil 'Melding om fravær\n\nElev: Sindre Haugland\nKlasse: 7B\n\nVi minner om at fraværet må dokumenteres.\n\nMed vennlig hilsen\nSkolen\n'
letter guardian 'Melding om fravær\n\nForesatte: Kari Haugland\n\nVi minner om at fraværet må dokumenteres.\n\nMed vennlig hilsen\nSkolen\n'
letter case 'Bekymringsmelding\n\nSkolen sender bekymringsmelding til barnevernet om Sindre Haugland.\n\nMed vennlig hilsen\nSkolen\n'

"$SKJERM" scan --format json plain.txt pupil.txt guardian.txt case.txt >out.jsonl

check() {  # NAME DECISION REASON_PART FLAG GROUND
  local got
  got=$(json_field out.jsonl "$1.txt" decision)
  [ "$got" = "$2" ] || fail "$1: $got, want $2 ($(json_field out.jsonl "$1.txt" reason))"
  [ -z "$3" ] || json_field out.jsonl "$1.txt" reason | grep -q "$3" ||
    fail "$1: the reason does not say '$3': $(json_field out.jsonl "$1.txt" reason)"
  [ -z "$4" ] || json_field out.jsonl "$1.txt" findings | grep -q "\"flags\": \"[a-z,]*$4" ||
    fail "$1: no finding flagged $4: $(json_field out.jsonl "$1.txt" findings)"
  # The ground the policy held it on, as a kind: the verdict's grounds and the holding finding.
  got=$(json_field out.jsonl "$1.txt" grounds | tr -d ' \n')
  [ "$got" = "[${5:+\"$5\"}]" ] || fail "$1: grounds $got, want [$5]"
  [ -z "$5" ] || json_field out.jsonl "$1.txt" findings | grep -q "\"holds\": \"$5\"" ||
    fail "$1: no finding holds on $5: $(json_field out.jsonl "$1.txt" findings)"
}
check plain pass "" "" ""
check pupil hold "pupil's name" pupil pupil_name
check guardian hold "guardian's name" guardian guardian_name
check case hold "school or welfare case" case private_name_in_case
# Roles never show a name: the reason and the flags are masked without --reveal.
grep -q "Sindre\|Haugland" out.jsonl && fail "a name in clear without --reveal"
finish
