#!/usr/bin/env bash
# smtpcheck.exe serve under Wine, asked from the Linux side over 127.0.0.1:
# it starts and prints its address, answers GET /v1/hello and serves the
# embedded page, and its rules hold: a request addressed to another host
# name (DNS rebinding) and one from a page of another origin are refused.
#
#   serve_test.sh SMTPCHECK_EXE
source "$(dirname "$0")/common.sh"

: >"$work/serve.out"
on_windows serve --port 0 --idle-exit 60 >"$work/serve.out" 2>"$work/serve.err" &
pids+=($!)
port=""
for ((tries = 0; tries < 1200; ++tries)); do
  port=$(sed -n 's|^ *http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.out" | head -n 1)
  [[ -n $port ]] && break
  sleep 0.025
done
check "serve starts and prints its address" test -n "$port"
[[ -n $port ]] || { cat "$work/serve.err"; finish; }

request() {  # OUT PATH [HEADER]...
  local out=$1 path=$2 header
  shift 2
  exec {connection}<>"/dev/tcp/127.0.0.1/$port"
  {
    printf 'GET %s HTTP/1.1\r\n' "$path"
    for header in "$@"; do printf '%s\r\n' "$header"; done
    printf 'Connection: close\r\n\r\n'
  } >&"$connection"
  cat <&"$connection" >"$out"
  exec {connection}>&-
}

request "$work/hello.http" /v1/hello "Host: 127.0.0.1:$port"
check "GET /v1/hello answers 200 with the hello document" \
  bash -c "[[ \$(head -n 1 '$work/hello.http' | cut -d' ' -f2) == 200 ]] && grep -q '\"schema\":\"smtpcheck/hello/v1\"' '$work/hello.http'"
request "$work/page.http" / "Host: localhost:$port"
check "GET / serves the embedded page" \
  bash -c "[[ \$(head -n 1 '$work/page.http' | cut -d' ' -f2) == 200 ]] && grep -qi '<html' '$work/page.http'"
request "$work/host.http" /v1/hello "Host: rebound.example:$port"
check "a request addressed to another host name is refused (403 host_refused)" \
  bash -c "[[ \$(head -n 1 '$work/host.http' | cut -d' ' -f2) == 403 ]] && grep -q host_refused '$work/host.http'"
request "$work/origin.http" /v1/hello "Host: 127.0.0.1:$port" "Origin: https://attacker.example"
check "a request from another site's page is refused (403 origin_refused)" \
  bash -c "[[ \$(head -n 1 '$work/origin.http' | cut -d' ' -f2) == 403 ]] && grep -q origin_refused '$work/origin.http'"
request "$work/own.http" /v1/hello "Host: 127.0.0.1:$port" "Origin: http://127.0.0.1:$port"
check "its own page's origin is allowed (200, CORS for that origin)" \
  bash -c "[[ \$(head -n 1 '$work/own.http' | cut -d' ' -f2) == 200 ]] && grep -qi '^Access-Control-Allow-Origin: http://127.0.0.1:$port' '$work/own.http'"

check "the token appears in no answer" never_prints_token "$work"/*.http "$work/serve.err" "$work/serve.out"
finish
