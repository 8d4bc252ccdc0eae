#!/usr/bin/env bash
# The static aarch64 smtpcheck under qemu-aarch64 (Debian's qemu-user): it
# prints its version, checks settings, and probes the scripted SMTP server
# on 127.0.0.1 with a verified certificate, AUTH and MAIL FROM. The token is
# never printed.
#
#   qemu_aarch64_test.sh STATIC_AARCH64_SMTPCHECK SMTP_TEST_SERVER CERT_DIR
source "$(dirname "$0")/common.sh"
binary=$1 server=$2 certs=$3
[[ -x $binary ]] || { echo "missing $binary: build it with scripts/build-static"; exit 1; }
command -v qemu-aarch64 >/dev/null || { echo "qemu-aarch64 is missing (qemu-user; scripts/install-deps)"; exit 1; }

check "the binary is a static aarch64 executable" \
  bash -c "readelf -h '$binary' | grep -q 'AArch64' && ! readelf -l '$binary' | grep -q INTERP"

qemu-aarch64 "$binary" --version >"$work/version.out" 2>&1 || true
check "--version prints the version" grep -Eq '^smtpcheck [0-9]+\.[0-9]+\.[0-9]+' "$work/version.out"

status=0
qemu-aarch64 "$binary" check --host smtp.postmarkapp.com --port 25 --security none --json \
  >"$work/check.json" 2>"$work/check.err" || status=$?
check "check judges settings (port 25 without TLS is a finding)" \
  bash -c "[[ $status == 1 ]] && grep -q '\"findings\"' '$work/check.json'"

start_smtp_server "$server" "$certs"
qemu-aarch64 "$binary" probe --host localhost --port "$smtp_port" --ports "$smtp_port" \
  --security starttls --ca-file "$certs/ca.pem" --from "$sender" --token-env SMTPCHECK_PORTABLE_TOKEN \
  --connect-timeout 5 --reply-timeout 10 --timeout 60 --json >"$work/probe.json" 2>"$work/probe.err" || true
check "probe: resolved, certificate verified, AUTH and MAIL FROM ok" \
  json_is "$work/probe.json" 'd.report.dns.status === "ok" && d.report.connections.length > 0
    && d.report.connections.every(c => c.tls.certificate.verify_code === 0
       && c.tls.certificate.hostname_match === true && c.auth.status === "ok" && c.mail_from.status === "ok")'
check "the token appears in no output" never_prints_token "$work"/*.json "$work"/*.err "$work"/*.out
finish
