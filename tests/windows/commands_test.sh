#!/usr/bin/env bash
# smtpcheck.exe's commands that need no network, under Wine: it starts and
# knows its version, is one program that needs only Windows' own DLLs, and
# judges settings and explains an error as on Linux.
#
#   commands_test.sh SMTPCHECK_EXE
source "$(dirname "$0")/common.sh"

# Windows' own DLLs: the C runtime every Windows has (msvcrt), the kernel,
# Winsock, CryptoAPI and the shell's command-line parser.
dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^[[:space:]]*DLL Name: //p' | tr 'A-Z' 'a-z' | sort -u)
echo "imports: $(tr '\n' ' ' <<<"$dlls")"
foreign=$(grep -vxE 'kernel32\.dll|msvcrt\.dll|ws2_32\.dll|crypt32\.dll|shell32\.dll|user32\.dll|advapi32\.dll|bcrypt\.dll|api-ms-win-[a-z0-9-]+\.dll' <<<"$dlls" || true)
check "smtpcheck.exe needs no DLL that Windows does not ship (libstdc++, libgcc, winpthread, OpenSSL linked in)" \
  bash -c "grep -qx kernel32.dll <<<'$dlls' && [[ -z '$foreign' ]]"

on_windows --version >"$work/version.out" 2>&1 || true
check "--version prints the version" grep -Eq '^smtpcheck [0-9]+\.[0-9]+\.[0-9]+' "$work/version.out"

status=0
on_windows check --host smtp.postmarkapp.com --port 465 --security tls >"$work/check.out" 2>"$work/check.err" || status=$?
check "check: 465 with implicit TLS exits 1" test "$status" = 1
check "check: the finding says to use 587 with STARTTLS" \
  bash -c "grep -q 'port.465_unsupported' '$work/check.out' && grep -q 'Set the port to 587 and the security to STARTTLS' '$work/check.out'"

status=0
on_windows explain "Connection could not be established with host smtp.postmarkapp.com :stream_socket_client(): unable to connect to smtp.postmarkapp.com:25 (Connection timed out)" \
  --json >"$work/explain.json" 2>"$work/explain.err" || status=$?
check "explain reads a pasted error message" \
  bash -c "[[ $status == 0 || $status == 1 ]] && grep -q '\"findings\"' '$work/explain.json'"

status=0
on_windows check --host smtp.postmarkapp.com --port 587 --security starttls --from billing@acme.io \
  --username-env SMTPCHECK_PORTABLE_TOKEN --password-env SMTPCHECK_PORTABLE_TOKEN \
  >"$work/env.out" 2>"$work/env.err" || status=$?
check "a token from the environment (as \$env:NAME gives it) is read: correct settings exit 0" test "$status" = 0
check "the token appears in no output" never_prints_token "$work"/*.out "$work"/*.err "$work"/*.json
finish
