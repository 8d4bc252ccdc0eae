#!/usr/bin/env bash
# The static x86_64 smtpcheck where a customer would run it: an EMPTY chroot
# that holds only the binary, /etc/hosts, /etc/resolv.conf and a CA file (no
# libc, no NSS modules, no /usr/lib/ssl). It prints its version, checks
# settings, explains an error, and probes the scripted SMTP server on
# 127.0.0.1 with a verified certificate, AUTH and MAIL FROM: once by a name
# from /etc/hosts (CA bundle where Debian keeps it), once by a name that a
# DNS server this test runs on a loopback address answers (CA bundle where
# RHEL keeps it). A CA that does not match is reported with the file used.
# The token is never printed. Needs root (chroot, port 53); skips otherwise.
#
#   chroot_test.sh STATIC_SMTPCHECK SMTP_TEST_SERVER CERT_DIR
source "$(dirname "$0")/common.sh"
binary=$1 server=$2 certs=$3

if [[ $(id -u) -ne 0 ]]; then
  echo "skipped: the chroot and the DNS server on port 53 need root (CI runs as root)"
  exit 77
fi
[[ -x $binary ]] || { echo "missing $binary: build it with scripts/build-static"; exit 1; }
command -v dnsmasq >/dev/null || { echo "dnsmasq is missing (dnsmasq-base; scripts/install-deps)"; exit 1; }

# --- the empty root ------------------------------------------------------------
root=$work/root
make_root() {  # CA_PATH HOSTS_LINE NAMESERVER
  rm -rf "$root"
  mkdir -p "$root/etc" "$root$(dirname "$1")"
  cp "$binary" "$root/smtpcheck"
  cp "$certs/ca.pem" "$root$1"
  cp "$certs/other_ca.pem" "$root/other_ca.pem"
  printf '%s\n' "$2" >"$root/etc/hosts"
  printf 'nameserver %s\noptions timeout:1 attempts:2\n' "$3" >"$root/etc/resolv.conf"
}
# A clean environment: only what a test gives (no SSL_CERT_DIR of this host).
root_env=(SMTPCHECK_PORTABLE_TOKEN="$fake_token")
chroot_program=$(command -v chroot)
in_root() { env -i "${root_env[@]}" "$chroot_program" "$root" /smtpcheck "$@"; }

make_root /etc/ssl/certs/ca-certificates.crt "127.0.0.1 smtp.portable.test" 127.0.0.1
check "the root holds nothing but the binary, /etc/hosts, /etc/resolv.conf and CA files" \
  test "$(cd "$root" && find . -type f | sort | tr '\n' ' ')" = \
  "./etc/hosts ./etc/resolv.conf ./etc/ssl/certs/ca-certificates.crt ./other_ca.pem ./smtpcheck "
check "the binary is statically linked (no interpreter, no dynamic section)" \
  bash -c "! readelf -l '$binary' | grep -q INTERP && ! readelf -d '$binary' | grep -q NEEDED"

# --- commands without the network --------------------------------------------------
in_root --version >"$work/version.out" 2>&1 || true
check "--version prints the version" grep -Eq '^smtpcheck [0-9]+\.[0-9]+\.[0-9]+' "$work/version.out"

status=0
in_root check --host smtp.postmarkapp.com --port 25 --security none --json >"$work/check.json" 2>"$work/check.err" || status=$?
check "check judges settings (port 25 without TLS is a finding)" \
  bash -c "[[ $status == 1 ]] && grep -q '\"findings\"' '$work/check.json'"

status=0
in_root explain "Connection could not be established with host smtp.postmarkapp.com :stream_socket_client(): unable to connect to smtp.postmarkapp.com:25 (Connection timed out)" \
  --json >"$work/explain.json" 2>"$work/explain.err" || status=$?
check "explain reads an error message" \
  bash -c "[[ $status == 0 || $status == 1 ]] && grep -q '\"findings\"' '$work/explain.json'"

# --- the server, under a name of its own -------------------------------------------
# c-ares answers "localhost" itself, so the probes use another name: the
# test certificates, with the server's one reissued for that name by the
# same test CA (openssl req/x509).
name=smtp.portable.test
cp -r "$certs" "$work/certs"
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$name" \
  -keyout "$work/certs/good.key" -out "$work/leaf.csr" 2>"$work/openssl.err"
printf 'subjectAltName=DNS:%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$name" >"$work/leaf.ext"
openssl x509 -req -in "$work/leaf.csr" -CA "$certs/ca.pem" -CAkey "$certs/ca.key" -set_serial 7 \
  -days 2 -extfile "$work/leaf.ext" -out "$work/certs/good.pem" 2>>"$work/openssl.err"
start_smtp_server "$server" "$work/certs"

# --- probe by a name from /etc/hosts ---------------------------------------------
probe_in_root() {  # OUT.json [extra options]
  local out=$1
  shift
  in_root probe --host "$name" --port "$smtp_port" --ports "$smtp_port" --security starttls \
    --from "$sender" --token-env SMTPCHECK_PORTABLE_TOKEN --connect-timeout 2 --reply-timeout 5 \
    --timeout 20 --json "$@" >"$out" 2>"$out.err" || true
}
verified_auth_mail='d.report.dns.status === "ok" && d.report.dns.addresses.some(a => a.address === "127.0.0.1")
  && d.report.connections.length > 0 && d.report.connections.every(c =>
     c.tls.status === "ok" && c.tls.certificate.verify_code === 0 && c.tls.certificate.hostname_match === true
     && c.auth.status === "ok" && c.mail_from.status === "ok")'

probe_in_root "$work/hosts.json"
check "probe by a name from /etc/hosts: resolved, certificate verified with the Debian bundle, AUTH and MAIL FROM ok" \
  json_is "$work/hosts.json" "$verified_auth_mail"

root_env+=(SSL_CERT_FILE=/other_ca.pem)
probe_in_root "$work/wrong_ca.json"
unset 'root_env[-1]'
check "with a CA that did not sign the server's certificate, the report says which CA file was used" \
  json_is "$work/wrong_ca.json" 'd.report.connections[0].tls.certificate.verify_code !== 0
    && d.report.connections[0].tls.certificate.verify_result.includes("/other_ca.pem (SSL_CERT_FILE)")
    && d.report.connections[0].auth.status === "refused_insecure"'

# --- probe by a name from a DNS server -------------------------------------------
# A loopback address of its own (127/8 is all loopback on Linux), so it does
# not meet another resolver on 127.0.0.53 or a second run of this test.
dns_address=127.53.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))
dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --no-poll \
  --bind-interfaces --listen-address="$dns_address" --port=53 --user=root --pid-file= \
  --host-record="$name",127.0.0.1 --log-queries --log-facility="$work/dns.log" &
pids+=($!)
for ((tries = 0; tries < 200; ++tries)); do
  grep -q 'started' "$work/dns.log" 2>/dev/null && break
  sleep 0.025
done

make_root /etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem "127.0.0.2 unrelated.test" "$dns_address"
probe_in_root "$work/dns.json"
check "probe by a name the DNS server answers: resolved, certificate verified with the RHEL bundle, AUTH and MAIL FROM ok" \
  json_is "$work/dns.json" "$verified_auth_mail"
check "the DNS server was asked for that name" grep -q "query\\[A\\] $name" "$work/dns.log"

check "the token appears in no output" never_prints_token "$work"/*.json "$work"/*.err "$work"/*.out
finish
