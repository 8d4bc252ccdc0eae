#!/usr/bin/env bash
# smtpcheck.exe probe under Wine against the Linux test SMTP server on
# 127.0.0.1: STARTTLS, the certificate verified with --ca-file, AUTH and
# MAIL FROM; without --ca-file the trust source is the Windows certificate
# store (Wine's, which does not hold the test CA) and the report says so; a
# refused port and a filtered (unanswered) port are reported as such, with
# Linux's errno numbers. The token comes from the environment and is never
# printed.
#
#   probe_test.sh SMTPCHECK_EXE SMTP_TEST_SERVER CERT_DIR UNANSWERED_PORT_HOLDER
source "$(dirname "$0")/common.sh"
server=$2 certs=$3 holder=$4

# OpenSSL's own override variables would be the trust source (as on Linux,
# and Wine passes them through): a Windows user has neither.
unset SSL_CERT_FILE SSL_CERT_DIR
start_smtp_server "$server" "$certs"
# The holder keeps its silent port until its standard input ends.
coproc holding { "$holder"; }
pids+=($holding_PID)
read -r _ silent_port <&"${holding[0]}"
read -r _ refused_port <&"${holding[0]}"
check "a filtered and a refused port were made" test -n "$silent_port" -a -n "$refused_port"

# The CA file as Windows names it (Wine maps Z: to /).
ca_file="Z:${certs//\//\\}\\ca.pem"
probe() {  # OUT.json HOST [extra options]
  local out=$1 host=$2
  shift 2
  on_windows probe --host "$host" --port "$smtp_port" --security starttls --from "$sender" \
    --token-env SMTPCHECK_PORTABLE_TOKEN --connect-timeout 2 --reply-timeout 5 --timeout 30 \
    --json "$@" >"$out" 2>"$out.err" || true
}

probe "$work/verified.json" 127.0.0.1 --ports "$smtp_port" --ca-file "$ca_file"
check "probe: STARTTLS, the certificate verified with --ca-file, AUTH and MAIL FROM ok" \
  json_is "$work/verified.json" 'd.report.connections.length > 0 && d.report.connections.every(c =>
     c.tls.status === "ok" && c.tls.certificate.verify_code === 0 && c.tls.certificate.hostname_match === true
     && c.auth.status === "ok" && c.mail_from.status === "ok")'
check "the report says it was made on Windows, trusting the --ca-file" \
  json_is "$work/verified.json" 'd.report.agent.os === "windows x86_64" && d.report.agent.trust.endsWith("ca.pem (--ca-file)")'

probe "$work/store.json" 127.0.0.1 --ports "$smtp_port"
check "without --ca-file the Windows certificate store is the trust source, the report names it, and AUTH is held back" \
  json_is "$work/store.json" 'd.report.agent.trust === "the Windows certificate store (ROOT) (system)"
    && d.report.connections[0].tls.certificate.verify_code !== 0
    && d.report.connections[0].tls.certificate.verify_result.includes("Windows certificate store")
    && d.report.connections[0].auth.status === "refused_insecure"'

probe "$work/name.json" localhost --ports "$smtp_port" --ca-file "$ca_file"
check "a name resolves through Windows' resolver (localhost → 127.0.0.1)" \
  json_is "$work/name.json" 'd.report.dns.status === "ok" && d.report.dns.addresses.some(a => a.address === "127.0.0.1")'

probe "$work/ports.json" 127.0.0.1 --ports "$refused_port,$silent_port"
port_is() {  # PORT STATUS ERRNO
  json_is "$work/ports.json" "d.report.connections.some(c => c.port === $1 && c.tcp.status === \"$2\" && c.tcp.errno === $3)"
}
check "a refused port is \"refused\" (errno 111, as on Linux)" port_is "$refused_port" refused 111
check "a filtered port is \"timeout\" (errno 110, as on Linux), after the connect timeout" port_is "$silent_port" timeout 110

check "the token appears in no output" never_prints_token "$work"/*.json "$work"/*.err
finish  # the EXIT trap stops the holder
