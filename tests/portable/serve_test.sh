#!/usr/bin/env bash
# `smtpcheck serve` from the static binary: it starts (binding 127.0.0.1 and
# [::1] without NSS), answers GET /v1/hello and serves the embedded page. As
# root it runs in an empty chroot holding only the binary (the numeric
# getaddrinfo of cpp-httplib's bind must work without glibc's shared parts).
#
#   serve_test.sh STATIC_SMTPCHECK
source "$(dirname "$0")/common.sh"
binary=$1
[[ -x $binary ]] || { echo "missing $binary: build it with scripts/build-static"; exit 1; }

run=("$binary")
if [[ $(id -u) -eq 0 ]]; then
  mkdir "$work/root"
  cp "$binary" "$work/root/smtpcheck"
  run=(env -i "$(command -v chroot)" "$work/root" /smtpcheck)
  echo "in an empty chroot"
fi
# The file exists before serve starts: the loop below must not read it
# before the background shell has opened it (errexit, pipefail).
: >"$work/serve.out"
"${run[@]}" serve --port 0 --idle-exit 60 >"$work/serve.out" 2>"$work/serve.err" &
pids+=($!)
port=""
for ((tries = 0; tries < 400; ++tries)); do
  port=$(sed -n 's|^ *http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.out" | head -n 1)
  [[ -n $port ]] && break
  sleep 0.025
done
check "serve starts and prints its address" test -n "$port"
[[ -n $port ]] || { cat "$work/serve.err"; finish; }

get() {  # PATH OUT
  exec {connection}<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$1" "$port" >&"$connection"
  cat <&"$connection" >"$2"
  exec {connection}>&-
}
get /v1/hello "$work/hello.http"
check "GET /v1/hello answers 200 with the hello document" \
  bash -c "head -n 1 '$work/hello.http' | grep -q '^HTTP/1.1 200' && grep -q '\"schema\":\"smtpcheck/hello/v1\"' '$work/hello.http'"
get / "$work/page.http"
check "GET / serves the embedded page" \
  bash -c "head -n 1 '$work/page.http' | grep -q '^HTTP/1.1 200' && grep -qi '<html' '$work/page.http'"
check "the token appears in no answer" never_prints_token "$work"/*.http "$work/serve.err"
finish
