# Shared by the portable suites (sourced): checks that read as sentences,
# the scripted SMTP server, the fake token that must never be printed.
set -euo pipefail

failures=0
# check "what must hold" COMMAND...: runs COMMAND, prints ok/FAIL with the sentence.
check() {
  local sentence=$1
  shift
  if "$@"; then
    echo "ok   - $sentence"
  else
    echo "FAIL - $sentence"
    failures=$((failures + 1))
  fi
}
finish() {
  if ((failures)); then
    echo "$failures check(s) failed"
    exit 1
  fi
  echo "all checks passed"
}

# The test server's one accepted credential (obviously fake; server_script.h).
fake_token=00000000-0000-4000-8000-000000000000
export SMTPCHECK_PORTABLE_TOKEN=$fake_token
sender=billing@example.test

work=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n ${keep_on_failure:-} && $failures -gt 0 ]]; then
    echo "outputs kept in $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# start_smtp_server SERVER_BIN CERT_DIR: one listener on 127.0.0.1 (STARTTLS,
# the good certificate, AUTH PLAIN/LOGIN); sets $smtp_port.
start_smtp_server() {
  # The file exists before the server starts: the loop below must not read
  # it before the background shell has opened it (errexit, pipefail).
  : >"$work/smtp.out"
  "$1" --cert-dir "$2" --listeners 1 >"$work/smtp.out" 2>"$work/smtp.err" &
  pids+=($!)
  local tries
  for ((tries = 0; tries < 400; ++tries)); do
    smtp_port=$(sed -n 's/^listening 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/smtp.out")
    [[ -n $smtp_port ]] && return 0
    sleep 0.025
  done
  echo "the SMTP test server did not start:" >&2
  cat "$work/smtp.err" >&2
  exit 1
}

# json_is FILE EXPRESSION: the JSON document in FILE makes the JavaScript
# EXPRESSION (over `d`) true; prints the document's probe steps when not.
json_is() {
  node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (!(eval(process.argv[2]))) {
      console.error("  not true: " + process.argv[2]);
      console.error("  " + JSON.stringify(d.report ?? d).slice(0, 3000));
      process.exit(1);
    }' "$1" "$2"
}

# never_prints_token FILE...: the credential appears in none of them.
never_prints_token() {
  ! grep -F -q -- "$fake_token" "$@"
}
