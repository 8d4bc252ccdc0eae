# Shared by the Windows suites (sourced): the portable suites' checks, the
# fake token and the test server (../portable/common.sh), and smtpcheck.exe
# run under Wine in the build tree's own prefix, made once.
source "$(dirname "${BASH_SOURCE[0]}")/../portable/common.sh"

exe=$1
[[ -f $exe ]] || { echo "missing $exe: build it with scripts/build-windows"; exit 1; }
command -v wine >/dev/null || { echo "wine is missing (packages wine, wine64; scripts/install-deps)"; exit 1; }

export WINEPREFIX=${SMTPCHECK_WINEPREFIX:?the build tree sets SMTPCHECK_WINEPREFIX}
export WINEDEBUG=-all
# No Mono or Gecko installer dialogs: the agent uses neither .NET nor HTML.
export WINEDLLOVERRIDES="mscoree,mshtml="
# wineboot makes the prefix (C:\windows, the registry, the certificate store
# filled from this host's CA certificates) once; a lock keeps two suites from
# making it at the same time.
(
  flock 9
  if [[ ! -f $WINEPREFIX/system.reg ]]; then
    echo "making the Wine prefix $WINEPREFIX (once)"
    wine wineboot --init >/dev/null 2>&1
    wineserver --wait
  fi
) 9>"$WINEPREFIX.lock"

# Whatever this suite started under Wine ends with it (its own prefix only).
trap 'cleanup; wineserver -k >/dev/null 2>&1 || true' EXIT

# on_windows ARG...: smtpcheck.exe with these arguments, under Wine. The
# environment passes through (Wine gives the Windows program this process's
# variables), as PowerShell's $env:NAME would.
on_windows() { wine "$exe" "$@"; }
